"""Treaty rules as code: casus foederis, withdrawal and decisions.

Pure functions over an :class:`~foedus.treaty.spec.AllianceSpec` and a
scenario (facts gathered from the ledger plus stated assumptions); no I/O.
One condition, one function, one citation: each function checks one
condition and the spec supplies the words it rests on. Answers are trees of
:class:`~foedus.treaty.rules.answer.Check` s with a ``to_dict()``.

* :mod:`.defence`: :func:`evaluate_casus` and the condition functions
* :mod:`.withdrawal`: :func:`evaluate_withdrawal`
* :mod:`.decision`: :func:`evaluate_decision`
* :mod:`.territory`: the territory registry and :func:`resolve_place`
"""
from foedus.treaty.rules.answer import Check, FactRef, Finding, Provision, ReadingOutcome, ReadingResult, plain
from foedus.treaty.rules.decision import DecisionAnswer, evaluate_decision
from foedus.treaty.rules.defence import CONDITIONS, CasusAnswer, evaluate_casus
from foedus.treaty.rules.errors import ImpossibleQuestion, RuleError
from foedus.treaty.rules.facts import CasusAssumptions, CasusFacts, DecisionFacts, Incident, WithdrawalFacts
from foedus.treaty.rules.territory import Place, TerritoryRegistry, resolve_place
from foedus.treaty.rules.withdrawal import WithdrawalAnswer, evaluate_withdrawal

__all__ = [
    "CONDITIONS", "CasusAnswer", "CasusAssumptions", "CasusFacts", "Check", "DecisionAnswer", "DecisionFacts",
    "FactRef", "Finding", "ImpossibleQuestion", "Incident", "Place", "Provision", "ReadingOutcome", "ReadingResult",
    "RuleError", "TerritoryRegistry", "WithdrawalAnswer", "WithdrawalFacts", "evaluate_casus", "evaluate_decision",
    "evaluate_withdrawal", "plain", "resolve_place",
]
