"""Flow control: flowables (Sequential, Parallel, Switch, If, ForEach, Dag, ...) and
the tasks that wait (Sleep, Pause, Subflow)."""
