"""What the API and other front doors call to create and read executions, so they
never reach into the engine (the import-linter forbids api -> executions.engine)."""
