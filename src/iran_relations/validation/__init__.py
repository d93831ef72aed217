"""The validator's layer: the issue catalogue and its reports (``issues``, ``report``), the reading
of a package into Arrow columns (``columns``), the checks, one module a family, and the pipeline
that runs them in order (``pipeline``; ``iran_relations.validate`` is its public face).

This package imports nothing on its own, so the readers in :mod:`iran_relations.io` can use the
issue type without pulling in the checks.
"""
