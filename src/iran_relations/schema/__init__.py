"""The schema layer: the Table Schemas read into specs (``table_schema``), the shared value
patterns and types (``patterns``, ``fields``), partial dates (``partial_date``), name folding
(``names``) and the row models generated from the schemas (``models``, by ``generate_models``;
``make generate`` writes them).

It reads ``datapackage.json`` and ``schemas/`` and depends on nothing else in the package but
:mod:`iran_relations.errors` and :mod:`iran_relations.io.locations`.
"""
