"""The Templates section (Kestra 0.x templates): a list, and the flows' editor to
create, edit and delete one."""
