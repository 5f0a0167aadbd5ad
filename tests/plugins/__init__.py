"""Flows that use the plugin families validate. The flow spec sits above the plugins
(they may not import it), so these tests live here; each family keeps the tests of its
own behaviour in plugins/<family>/tests."""
