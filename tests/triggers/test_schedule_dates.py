"""A Schedule's dates and `trigger` variables, against what Kestra's ScheduleTest
expects (io.kestra.plugin.core.trigger.ScheduleTest)."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from plugins.api.condition import ConditionError
from plugins.core.trigger.schedule_dates import Backfill, ScheduleDates, condition_acceptor

from .helpers import context, utc_now

UTC = ZoneInfo("UTC")


def schedule(cron, **spec):
    return ScheduleDates({"id": "schedule", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": cron, **spec})


def parse(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def first_of_last_month(now, hour=0, minute=0):
    first = now.replace(day=1, hour=hour, minute=minute, second=0, microsecond=0)
    return (first - timedelta(days=1)).replace(day=1)


def test_it_fires_a_monthly_date_with_its_next_and_previous():
    """ScheduleTest#success: date, next and previous a month apart."""
    now = utc_now()
    date = first_of_last_month(now)
    fire = schedule("0 0 1 * *").evaluate(date, now)
    previous = first_of_last_month(date)
    next_month = (date + timedelta(days=32)).replace(day=1)
    assert fire.variables() == {"date": date.isoformat().replace("+00:00", "Z"),
                                "next": next_month.isoformat().replace("+00:00", "Z"),
                                "previous": previous.isoformat().replace("+00:00", "Z")}


def test_a_date_that_is_not_due_does_not_fire():
    """ScheduleTest#failed: "1 1 1 1 1" is not due now."""
    now = utc_now()
    assert schedule("1 1 1 1 1").evaluate(now.replace(second=2), now) is None


def test_every_minute_and_every_second():
    """ScheduleTest#everyMinute and #everySecond."""
    now = utc_now()
    minute = now.replace(second=0, microsecond=0)
    fire = schedule("* * * * *").evaluate(minute, now)
    assert (fire.date, fire.next, fire.previous) == (minute, minute + timedelta(minutes=1),
                                                     minute - timedelta(minutes=1))
    second = now.replace(microsecond=0) - timedelta(seconds=1)
    fire = schedule("* * * * * *", withSeconds=True).evaluate(second, now)
    assert (fire.date, fire.next, fire.previous) == (second, second + timedelta(seconds=1),
                                                     second - timedelta(seconds=1))


def test_a_date_between_two_cron_dates_fires_the_next_one():
    """ScheduleTest#systemBackfillChangedFromCronExpression: a last date at 00:45 on the
    1st with a cron at 00:30 fires the 1st of the following month at 00:30."""
    now = utc_now()
    date = first_of_last_month(now, minute=45)
    expected = (date + timedelta(days=32)).replace(day=1, minute=30)
    fire = schedule("30 0 1 * *").evaluate(date, now)
    assert fire.date == expected
    assert fire.next == (expected + timedelta(days=32)).replace(day=1)


def test_nicknames_fire_like_their_crons():
    """ScheduleTest#hourly."""
    now = utc_now()
    date = (now - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    assert schedule("@hourly").evaluate(date, now).date == date


def test_the_variables_are_written_in_the_schedules_time_zone():
    """ScheduleTest#timezone: America/New_York in April is -04:00."""
    zone = ZoneInfo("America/New_York")
    date = datetime(2022, 4, 1, 9, 12, tzinfo=zone)
    fire = schedule("12 9 1 * *", timezone="America/New_York").evaluate(date, utc_now())
    assert fire.variables() == {"date": "2022-04-01T09:12:00-04:00", "next": "2022-05-01T09:12:00-04:00",
                                "previous": "2022-03-01T09:12:00-05:00"}


def test_without_a_last_date_the_next_date_is_the_next_one_from_now():
    """ScheduleTest#noBackfillNextDate and #noBackfillNextDateContext."""
    now = utc_now()
    assert schedule("0 0 * * *").next_evaluation_date(now).date() == (now + timedelta(days=1)).date()
    paris = ZoneInfo("Europe/Paris")
    last = datetime(2020, 1, 1, tzinfo=paris)
    assert schedule("0 0 * * *", timezone="Europe/Paris").next_evaluation_date(now, last) == \
        datetime(2020, 1, 2, tzinfo=paris)


def test_late_maximum_delay_skips_the_dates_too_late_to_start():
    """ScheduleTest#lateMaximumDelay: every minute, last fired 15 minutes ago, 5 minutes
    allowed: the next date is the first one less than 5 minutes old."""
    now = datetime(2024, 5, 6, 10, 30, 27, tzinfo=UTC)
    delayed = schedule("* * * * *", lateMaximumDelay="PT5M")
    assert delayed.next_evaluation_date(now, now - timedelta(minutes=15)) == datetime(2024, 5, 6, 10, 26, tzinfo=UTC)


def test_a_backfill_fires_only_dates_behind_its_current_date():
    """ScheduleTest#shouldNotReturnExecutionForBackFillWhenCurrentDateIsBeforeScheduleDate
    and #shouldReturnExecutionForBackFillWhenCurrentDateIsAfterScheduleDate. A fixed
    noon, not the clock: before 08:00 the 08:00 date would still be in the future."""
    now = datetime(2024, 5, 6, 12, 0, 27, tzinfo=UTC)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    daily = schedule("0 8 * * *")
    end = midnight + timedelta(days=1) - timedelta(microseconds=1)
    before = Backfill(start=midnight, end=end, current=midnight)
    assert daily.evaluate(now, now, before) is None
    at_eight = Backfill(start=midnight, end=end, current=midnight + timedelta(hours=8))
    assert daily.evaluate(now, now, at_eight).date == midnight + timedelta(hours=8)
    paused = Backfill(start=midnight, end=end, current=midnight + timedelta(hours=8), paused=True)
    assert daily.evaluate(now, now, paused) is None


def test_a_backfill_walks_its_window_then_goes_back_to_now():
    """Schedule#nextEvaluationDate with a backfill: the date after its current one,
    until past its end, then the next date from now."""
    now = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
    daily = schedule("0 8 * * *")
    backfill = Backfill(start=datetime(2024, 5, 1, tzinfo=UTC), end=datetime(2024, 5, 3, 9, tzinfo=UTC),
                        current=datetime(2024, 5, 2, 8, tzinfo=UTC))
    assert daily.next_evaluation_date(now, backfill=backfill) == datetime(2024, 5, 3, 8, tzinfo=UTC)
    last = Backfill(backfill.start, backfill.end, current=datetime(2024, 5, 3, 8, tzinfo=UTC))
    assert daily.next_evaluation_date(now, backfill=last) == datetime(2024, 5, 11, 8, tzinfo=UTC)


def test_conditions_pick_the_dates_and_their_neighbours():
    """ScheduleTest#conditions: Mondays at noon, only the first Monday of the month."""
    conditions = [{"type": "io.kestra.plugin.core.condition.DayWeekInMonth", "dayOfWeek": "MONDAY",
                   "dayInMonth": "FIRST", "date": "{{ trigger.date }}"}]
    spec = {"cron": "0 12 * * 1", "timezone": "Europe/Paris"}
    dates = ScheduleDates(spec, condition_acceptor(conditions, context()))
    fire = dates.evaluate(parse("2021-08-02T12:00:00+02:00"), utc_now())
    assert fire.variables() == {"date": "2021-08-02T12:00:00+02:00", "next": "2021-09-06T12:00:00+02:00",
                                "previous": "2021-07-05T12:00:00+02:00"}
    assert dates.evaluate(parse("2021-08-09T12:00:00+02:00"), utc_now()) is None


def test_a_condition_no_later_date_meets_leaves_next_out():
    """ScheduleTest#impossibleNextConditions: DateTimeBetween before 2021-08-03."""
    conditions = [{"type": "io.kestra.plugin.core.condition.DateTimeBetween", "before": "2021-08-03T12:00:00+02:00",
                   "date": "{{ trigger.date }}"}]
    dates = ScheduleDates({"cron": "0 12 * * 1", "timezone": "Europe/Paris"},
                          condition_acceptor(conditions, context()))
    fire = dates.evaluate(parse("2021-08-02T12:00:00+02:00"), utc_now())
    assert fire.variables() == {"date": "2021-08-02T12:00:00+02:00", "previous": "2021-07-26T12:00:00+02:00"}


def test_daylight_saving_time_follows_java_time():
    """cron-utils builds dates with java.time: 02:30 does not exist on the spring-forward
    day (fires at 03:30), and happens once only on the fall-back day."""
    paris = ZoneInfo("Europe/Paris")
    daily = schedule("30 2 * * *", timezone="Europe/Paris")
    assert daily.cron.next_after(datetime(2021, 3, 28, 1, 0, tzinfo=paris)).isoformat() == "2021-03-28T03:30:00+02:00"
    fall_back = daily.cron.next_after(datetime(2021, 10, 31, 1, 0, tzinfo=paris))
    assert fall_back.isoformat() == "2021-10-31T02:30:00+02:00"
    assert daily.cron.next_after(fall_back).isoformat() == "2021-11-01T02:30:00+01:00"


def test_recover_missed_schedules():
    """recoverMissedSchedules: ALL replays from the first missed date, LAST only the
    latest missed one, NONE resumes after now."""
    now = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
    daily = schedule("0 8 * * *")
    missed = datetime(2024, 5, 7, 8, tzinfo=UTC)
    assert daily.recovered_next_date(missed, now, "ALL") == missed
    assert daily.recovered_next_date(missed, now, "LAST") == datetime(2024, 5, 10, 8, tzinfo=UTC)
    assert daily.recovered_next_date(missed, now, "NONE") == datetime(2024, 5, 11, 8, tzinfo=UTC)


def test_a_condition_that_cannot_be_evaluated():
    """Schedule#evaluate turns it into a FAILED execution (here: ConditionError);
    Schedule#nextEvaluationDate computes the date without the conditions."""
    conditions = [{"type": "io.kestra.plugin.core.condition.DayWeek", "dayOfWeek": "MONDAY",
                   "date": "{{ trigger.nothing }}"}]
    dates = ScheduleDates({"cron": "0 12 * * *"}, condition_acceptor(conditions, context()))
    now = datetime(2024, 5, 6, 13, 0, tzinfo=UTC)
    with pytest.raises(ConditionError):
        dates.evaluate(datetime(2024, 5, 6, 12, 0, tzinfo=UTC), now)
    assert dates.next_evaluation_date(now, datetime(2024, 5, 6, 12, 0, tzinfo=UTC)) == \
        datetime(2024, 5, 7, 12, 0, tzinfo=UTC)


def test_inside_a_repeated_hour_the_dates_skip_the_second_pass():
    """Every minute, from 02:05 at its second pass (01:05 UTC) on the fall-back day: the
    repeated wall-clock times fired at their first pass, so the next date is 03:00 and
    the previous one 02:59 (first pass), not dates an hour back."""
    every_minute = schedule("* * * * *", timezone="Europe/Paris")
    second_pass = datetime(2021, 10, 31, 1, 5, tzinfo=UTC)
    assert every_minute.cron.next_after(second_pass).isoformat() == "2021-10-31T03:00:00+01:00"
    assert every_minute.cron.last_before(second_pass).isoformat() == "2021-10-31T02:59:00+02:00"
    assert every_minute.cron.next_after(datetime(2021, 10, 31, 0, 59, 30, tzinfo=UTC)).isoformat() == \
        "2021-10-31T03:00:00+01:00"
