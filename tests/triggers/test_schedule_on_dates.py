"""ScheduleOnDates' dates, as Kestra's ScheduleOnDatesTest expects them."""
from datetime import datetime, timedelta, timezone

from plugins.core.trigger.schedule_on_dates import next_date, next_evaluation_date, previous_evaluation_date

UTC = timezone.utc


def around(now):
    seconds = now.replace(microsecond=0)
    return [seconds - timedelta(minutes=1), seconds + timedelta(minutes=1), seconds + timedelta(minutes=2)]


def test_the_next_date_after_the_last_one():
    """shouldReturnNextDateWhenNextEvaluationDateAndAnExistingTriggerDate."""
    now = datetime.now(UTC)
    before, after, later = around(now)
    dates = [later.isoformat(), before.isoformat(), after.isoformat()]
    assert next_evaluation_date(dates, now, now) == after


def test_the_first_date_without_a_last_one():
    """shouldReturnFirstDateWhenNextEvaluationDateAndNoExistingTriggerDate."""
    now = datetime.now(UTC)
    before, after, later = around(now)
    assert next_evaluation_date([after.isoformat(), before.isoformat()], None, now) == before


def test_the_previous_date():
    """shouldReturnPreviousDateWhenPreviousEvaluationDate."""
    now = datetime.now(UTC)
    seconds = now.replace(microsecond=0)
    dates = [seconds - timedelta(minutes=2), seconds - timedelta(minutes=1), seconds + timedelta(minutes=1)]
    assert previous_evaluation_date([d.isoformat() for d in dates], now) == dates[1]


def test_once_every_date_passed_the_next_evaluation_is_a_year_away():
    now = datetime(2024, 2, 29, 12, 0, tzinfo=UTC)
    assert next_evaluation_date(["2024-01-01T00:00:00Z"], datetime(2024, 1, 1, tzinfo=UTC), now) == \
        datetime(2025, 2, 28, 12, 0, tzinfo=UTC)


def test_the_date_due_moves_to_the_time_zone():
    """evaluate() looks for the date at or after the trigger's date, in `timezone`."""
    due = next_date(["2025-01-01T09:00:00+01:00"], datetime(2025, 1, 1, 8, tzinfo=UTC), "America/New_York",
                    inclusive=True)
    assert due.isoformat() == "2025-01-01T03:00:00-05:00"
