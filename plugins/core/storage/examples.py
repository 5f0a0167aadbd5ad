"""Sample data the storage tasks' examples run on: one file, so that their examples
tell one story (the same orders filtered, deduplicated, ...)."""
from __future__ import annotations

# Orders as JSON lines (an Ion reader reads them as maps): customer a@x.io ordered twice.
SAMPLE_ORDERS = ('{"order_id": 1, "customer_email": "a@x.io", "product_id": 20}\n'
                 '{"order_id": 2, "customer_email": "b@x.io", "product_id": 7}\n'
                 '{"order_id": 3, "customer_email": "a@x.io", "product_id": 20}\n')
