"""Documentation: the plugin types' pages generated from the registry (each property,
output and example from the same declarations validation reads), and the guides."""
