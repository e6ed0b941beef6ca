"""Alembic migrations, shipped inside the package.

``env.py`` is configured programmatically by `tradelink.store.migrate`; no
``alembic.ini`` is needed at run time. Revisions are numbered ``0001``,
``0002``, ... and each one records its number as ``meta.schema_version``.

To write a new revision: copy the last file in ``versions/``, bump the number
in its name, ``revision`` and ``down_revision``, write ``upgrade()`` by hand,
and bump ``HEAD`` in `tradelink.store.migrate`.
"""
