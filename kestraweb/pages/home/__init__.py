"""Home (Kestra's dashboard): executions over time by state, the counts, the success
ratio and the latest failures, for a namespace (and its children) and a date range."""
