"""Kestra's core triggers (io.kestra.plugin.core.trigger): Schedule, ScheduleOnDates,
Flow and Webhook, and the Toggle task that switches a trigger on or off."""
