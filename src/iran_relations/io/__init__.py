"""Files in and out: where the package lives (``locations``), the strict line-by-line CSV reader
(``strict``), the fast Arrow reader that falls back to it (``fast``), the canonical writer
(``writer``) and the Arrow helpers they share with the validator (``arrays``).

Readers report what is wrong with a file as :class:`~iran_relations.validation.issues.Issue`
values, never by raising.
"""
