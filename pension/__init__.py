"""Pure pension rules for the Anhui explainer: stdlib only, Decimal money, no I/O, no today.

Every rule takes a :class:`~pension.params.ParameterSet` and explicit inputs and returns a
:class:`~pension.working.Result` (outputs, step-by-step working and the parameters used with
their source and flags). ``pension.rules.RULES`` maps the CLI rule names to functions that
take a plain JSON-like input mapping. ``pension.loader`` is the only module that reads files.
"""

from __future__ import annotations

from .errors import PensionError
from .params import ParameterSet, ParamUse, to_browser_json
from .working import Q, Result, Step

__all__ = ["ParamUse", "ParameterSet", "PensionError", "Q", "Result", "Step", "to_browser_json"]
