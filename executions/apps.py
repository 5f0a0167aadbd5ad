from django.apps import AppConfig


class ExecutionsConfig(AppConfig):
    name = "executions"
    verbose_name = "Executions"

    def ready(self):
        import expressions
        from executions.engine.expression_limits import expression_limits

        # A pattern a task runs over a file (ForEachItem's regexPattern, namespaceFiles'
        # regex:) obeys the settings as the patterns inside renders do.
        expressions.bound_outside_renders(expression_limits)

        # The Resume task reaches the operation through the engine without importing it.
        from executions.engine.other_executions import provide_resume
        from executions.services.actions import resume_for_task
        provide_resume(resume_for_task)
