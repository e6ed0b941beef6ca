"""The fast paths of `links` agree with the plain scans they replace.

`_Ctx.policy_in` and `_Ctx.latest_policy` find a policy mention by bisection over
the mentions' starts; they must give what a scan of every mention gives.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import links
from tradelink.extract.policies import PolicyMention

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KINDS = ["trade deal", "licence", "tariff"]
mentions = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.sampled_from(KINDS), st.booleans()),
                    max_size=8).map(lambda rows: sorted(
                        (PolicyMention(s, s + n, f"P{i}", k, None, named) for i, (s, n, k, named) in enumerate(rows)),
                        key=lambda m: m.start))


def _ctx(ms: list[PolicyMention]) -> links._Ctx:
    ctx = object.__new__(links._Ctx)
    ctx.pmentions = ms
    ctx.pstarts = [m.start for m in ms]
    return ctx


@PROPS
@given(mentions, st.integers(0, 50), st.integers(0, 50), st.booleans())
def test_policy_in_is_the_plain_scan(ms, a, b, named_only):
    want = next((p for p in ms if p.start >= a and p.end <= b and (p.named or not named_only)), None)
    assert _ctx(ms).policy_in(a, b, named_only) is want


@PROPS
@given(mentions, st.integers(0, 50), st.sampled_from([("trade deal",), ("licence",), ("licence", "tariff")]))
def test_latest_policy_is_the_plain_scan(ms, pos, kinds):
    before = [p for p in ms if p.end <= pos and p.kind in kinds]
    assert _ctx(ms).latest_policy(pos, kinds) is (before[-1] if before else None)
