"""Worked examples as Markdown: run the rule, then show the working step by step.

``compute_example(example, params)`` runs an example's rule through ``pension.rules.run`` and
returns the JSON-safe result with its working (steps and parameters used).
``render_example(example, result, lang, sources)`` turns that into Markdown for one language:
persona heading (level 3, ``{#example-<id>}``), story, inputs, each step as
"formula in words: numbers = result unit", the parameters' year and sources, and a visible
"not verified" note for every unverified parameter used. No policy arithmetic happens here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from pension.rules import run

# --- Words (presentation only: no numbers here; the numbers come from pension/) ---

STEP_WORDS: dict[str, tuple[str, str]] = {
    "delay": ("延迟月数 = 出生月份比第一批晚的月数 ÷ 每档月数 + 1（有上限）",
              "Months of delay = months born after the first group ÷ months per step + 1 (capped)"),
    "new_age": ("新退休年龄 = 原退休年龄 + 延迟月数", "New age = original age + months of delay"),
    "retire_month": ("退休月份 = 出生月份 + 新退休年龄", "Retirement month = birth month + new age"),
    "min_months": ("最低缴费月数，按达到法定退休年龄的年份", "Fewest months, by the year you reach statutory age"),
    "payment_months_whole": ("计发月数，查整岁表", "Payment months, from the whole-age table"),
    "payment_months_interpolated": ("计发月数 = 本岁月数 − 两岁之差 × 月数 ÷ 12",
                                    "Payment months = this age − gap to next age × months ÷ 12"),
    "tier_base": ("档次基数 = 年平均工资 × 档次 ÷ 12", "Tier base = yearly average × tier ÷ 12"),
    "monthly": ("每月缴费 = 缴费基数 × 缴费比例", "Monthly payment = base × rate"),
    "quarterly": ("每季缴费 = 每月缴费 × 3", "Quarterly payment = monthly payment × 3"),
    "yearly": ("全年缴费 = 每月缴费 × 12", "Yearly payment = monthly payment × 12"),
    "account_monthly": ("每月记入个人账户 = 缴费基数 × 记入账户的比例",
                        "Monthly amount to your account = base × account share"),
    "segment": ("这一段的缴费 = 每月缴费 × 月数", "This part of the year = monthly payment × months"),
    "year_total": ("全年合计 = 各段相加", "Year total = the parts added up"),
    "clamp": ("缴费基数 = 工资，低于下限按下限，高于上限按上限",
              "Base = wage, raised to the lower limit or cut to the upper limit"),
    "employer": ("单位每月缴费 = 缴费基数 × 单位缴费比例", "Employer pays each month = base × employer rate"),
    "employee": ("个人每月缴费 = 缴费基数 × 个人缴费比例", "You pay each month = base × employee rate"),
    "total": ("合计", "Total"),
    "months_to_declare": ("要补报的月数 = 12 − 单位缴到的月份",
                          "Months to declare = 12 − last month your employer paid"),
    "leave_total": ("要补缴的钱 = 每月缴费 × 月数", "Amount to pay = monthly payment × months"),
    "paid": ("全年实缴 = 每月缴费 × 月数", "Paid in the year = monthly payment × months"),
    "subsidy_max": ("补贴最多 = 实缴 × 2 ÷ 3（舍去不足1分的部分）",
                    "Most the subsidy can be = paid × 2 ÷ 3 (fractions of a fen dropped)"),
    "net_cost": ("自己至少承担 = 实缴 − 补贴", "Your own cost at least = paid − subsidy"),
    "basic": ("基础养老金 = 计发基数 ×（1 + 缴费指数）÷ 2 × 缴费年限 × 每年计发比例",
              "Basic pension = base × (1 + index) ÷ 2 × years × rate per year"),
    "personal_account": ("个人账户养老金 = 账户余额 ÷ 计发月数",
                         "Personal account pension = balance ÷ payment months"),
    "transitional": ("过渡性养老金 = 计发基数 × 缴费指数 × 视同缴费年限 × 过渡系数",
                     "Transitional pension = base × index × deemed years × transitional coefficient"),
    "yearly_credit": ("每年记入账户 = 缴费基数 × 记入账户的比例 × 12",
                      "Added to the account each year = base × account share × 12"),
    "projection_year": ("年末余额 = 年初余额 ×（1 + 利率）+ 当年记入",
                        "Balance at year end = opening balance × (1 + rate) + this year's payments"),
    "deductible": ("可扣除 = 存入金额，最多到每年上限", "Deductible = what you pay in, at most the yearly cap"),
    "tax_saving": ("少缴的个税 = 可扣除 × 您的最高税率", "Tax you save = deductible × your top rate"),
    "withdrawal_tax": ("领取时缴税 = 领取金额 × 领取税率", "Tax when you take it out = amount × withdrawal tax rate"),
    "net_effect": ("净省下 = 少缴的个税 − 领取时缴税", "Net saving = tax saved − tax on withdrawal"),
    "annuity_employer": ("单位缴费 = 工资总额 × 单位比例", "Employer pays = total payroll × employer rate"),
    "annuity_employee": ("职工缴费 = 工资总额 × 职工比例", "Staff pay = total payroll × staff rate"),
    "annuity_employer_max": ("单位缴费上限 = 工资总额 × 单位上限比例",
                             "Employer cap = total payroll × employer cap rate"),
    "annuity_total_max": ("合计上限 = 工资总额 × 合计上限比例", "Total cap = total payroll × total cap rate"),
}

UNITS: dict[str, tuple[str, str]] = {
    "yuan/month": ("元/月", " yuan a month"), "yuan/quarter": ("元/季", " yuan a quarter"),
    "yuan/year": ("元/年", " yuan a year"), "yuan": ("元", " yuan"), "months": ("个月", " months"),
}

WORDS = {
    "inputs": ("输入", "What goes in"), "working": ("计算过程", "How it is worked out"),
    "params": ("所用参数和来源", "Figures used and their sources"),
    "year": ("参数年份", "Figures for"), "assumptions": ("假设", "Assumptions"),
    "unverified": ("未经官方核实", "not verified on the official site"),
    "disputed": ("这个数值有争议", "this value is disputed"),
    "confidence": ("可信度", "confidence"), "no_url": ("暂无网址", "no web address"),
    "high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low"),
    "yes": ("是", "yes"), "no": ("否", "no"),
    "open_calc": ("在计算器里打开这个例子（数字已填好）", "Open this example in the calculator (numbers filled in)"),
}


def _w(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def _t(text: Any, lang: str) -> str:
    return str(text.get(lang, "")) if isinstance(text, dict) else str(text)


# --- Numbers ---

def fmt_number(value: Any, kind: str) -> str:
    """Format one quantity the same way in both languages (digits, commas, %)."""
    if isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, int | float | Decimal):
        return str(value)
    number = Decimal(str(value))
    if kind == "rate":
        percent = (number * 100).normalize()
        return f"{percent:f}%"
    if kind == "money":
        return f"{number:,.2f}"
    if kind == "amount":
        return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"
    return f"{number:f}" if not isinstance(value, int) else str(value)


def _term(term: Any) -> str:
    if isinstance(term, dict):
        return fmt_number(term["value"], term["kind"])
    return str(term)


def _unit(unit: str, lang: str) -> str:
    zh, en = UNITS.get(unit, ("", ""))
    return zh if lang == "zh" else en


def render_step(step: dict[str, Any], lang: str) -> str:
    """'formula in words: numbers = result unit' for one step."""
    zh, en = STEP_WORDS.get(step["name"], (step["formula"], step["formula"]))
    words = zh if lang == "zh" else en
    sums = " ".join(_term(t) for t in step["terms"]).replace("( ", "(").replace(" )", ")")
    result = _term(step["result"]) + _unit(step["unit"], lang)
    sep = "：" if lang == "zh" else ": "
    return f"{words}{sep}{sums} = {result}"


# --- Public API ---

def compute_example(example: dict[str, Any], params: Any) -> dict[str, Any]:
    """Run the example's rule; {} for an explanation-only example (rule: none)."""
    rule = example.get("rule")
    if not rule or rule == "none":
        return {}
    return run(params, rule, example.get("input", {})).to_dict(working=True)


def render_example(example: dict[str, Any], result: dict[str, Any], lang: str,
                   sources: dict[str, dict[str, Any]], words: dict[str, Any] | None = None) -> str:
    """The example as Markdown in ``lang`` ("zh" or "en"); ``words`` are the calculators'
    interface words (SiteData.calc_ui), used to name input values such as a category."""
    words = words or {}
    sep = "：" if lang == "zh" else ": "
    out = [f"### {_t(example['persona'], lang)} {{#example-{example['id']}}}", "",
           _t(example["story"], lang), ""]
    if example.get("assumptions"):
        out += [f"**{_w('assumptions', lang)}**{sep}{_t(example['assumptions'], lang)}", ""]
    if example.get("input"):
        out += [f"**{_w('inputs', lang)}**", ""]
        out += [f"- {_input_label(key, lang)}{sep}{_input_value(key, value, lang, words)}"
                for key, value in example["input"].items()]
        out.append("")
        query = calculator_query(example)
        if query:
            out += [f"[{_w('open_calc', lang)}](../calculators/{example['rule']}.md?{query})", ""]
    steps = result.get("working", {}).get("steps", []) if result else []
    if steps:
        out += [f"**{_w('working', lang)}**", ""]
        out += [f"{i}. {render_step(step, lang)}" for i, step in enumerate(steps, 1)]
        out.append("")
    used = result.get("working", {}).get("parameters", []) if result else []
    out += [f"**{_w('params', lang)}**（{_w('year', lang)}{sep}{example['params_year']}）"
            if lang == "zh" else
            f"**{_w('params', lang)}** ({_w('year', lang)}{sep}{example['params_year']})", ""]
    out += [f"- {line}" for line in _param_lines(used, lang, sources)]
    return "\n".join(out).rstrip() + "\n"


# Plain names for the inputs (the calculator link below an example carries the machine names).
INPUT_LABELS = {
    "year": ("年份", "Year"), "base": ("缴费基数（元/月）", "Contribution base (yuan a month)"),
    "changes": ("年内基数调整（起始月份、基数）", "Base changes in the year (from month, base)"),
    "leave_month": ("离职月份", "Month of leaving the job"), "birth": ("出生年月", "Born"),
    "category": ("人员类别", "Category"), "jifa_base": ("计发基数（元/月）", "Pension calculation base (yuan a month)"),
    "index": ("本人平均缴费工资指数", "Your average contribution index"),
    "years": ("缴费年限（年）", "Years of contributions"),
    "deemed_years": ("视同缴费年限（年）", "Deemed contribution years"),
    "account_balance": ("个人账户储存额（元）", "Personal account balance (yuan)"),
    "payment_months": ("计发月数", "Payment months"),
    "monthly_base": ("每月缴费基数（元）", "Monthly contribution base (yuan)"),
    "rate_year": ("记账利率所属年份", "Year of the account interest rate"),
    "interest_rate": ("假设的年利率", "Assumed yearly interest rate"),
    "wage": ("月工资（元）", "Monthly wage (yuan)"),
    "contribution": ("计划缴存（元/年）", "Planned payment (yuan a year)"),
    "marginal_rate": ("您的最高个税税率", "Your top income tax rate"),
    "payroll": ("单位工资总额（元/年）", "Total payroll (yuan a year)"),
    "employer_rate": ("单位缴费比例", "Employer rate"), "employee_rate": ("职工缴费比例", "Employee rate"),
}


# Calculators whose address takes an example's inputs as they are (docs/assets/js/calculators.js).
CALCULATOR_INPUTS = {
    "retirement-age": {"birth", "category"},
    "flexible-contribution": {"year", "base"},
    "employee-contribution": {"year", "wage"},
    "pension-estimate": {"jifa_base", "index", "years", "deemed_years", "account_balance",
                         "payment_months"},
}


def calculator_query(example: dict[str, Any]) -> str | None:
    """The calculator address query that opens this example filled in, if a calculator takes it."""
    fields = CALCULATOR_INPUTS.get(example.get("rule", ""))
    inputs = example.get("input") or {}
    if not fields or not inputs or not set(inputs) <= fields:
        return None
    pairs = ([("mode", "direct")] if example["rule"] == "pension-estimate" else []) + \
        [(key, str(value)) for key, value in inputs.items()]
    return urlencode(pairs)


def _input_label(key: str, lang: str) -> str:
    zh, en = INPUT_LABELS.get(key, (key, key))
    return zh if lang == "zh" else en


def _input_value(key: str, value: Any, lang: str, words: dict[str, Any]) -> str:
    zh = lang == "zh"
    if key == "category" and value in words:
        return str(words[value][lang])   # the calculator's own names (data/calculator_ui.yml)
    if key == "changes" and isinstance(value, list):
        return ("；" if zh else "; ").join(
            (f"{c['from_month']}月起 {c['base']}元" if zh else f"from month {c['from_month']}: {c['base']} yuan")
            for c in value)
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    return str(value)


def _param_lines(used: list[dict[str, Any]], lang: str,
                 sources: dict[str, dict[str, Any]]) -> list[str]:
    """One line per parameter value used: key, source link, confidence, flags."""
    sep = "：" if lang == "zh" else ": "
    lines = []
    for p in used:
        src = sources.get(p["source"], {})
        title = _t(src.get("title", p["source"]), lang)
        link = f"[{title}]({src['url']})" if src.get("url") else title
        if src.get("number") and not src.get("url"):
            link += f"（{_t(src['number'], lang)}）" if lang == "zh" else \
                f" ({_t(src['number'], lang)})"
        what = _t(p["description"], lang).rstrip("。.") if p.get("description") else p["name"]
        key = p["key"][:4] if p["key"][4:] in ("", "-01-01") else p["key"]
        when = (f"{key}年起" if len(key) == 4 else f"{key}起") if lang == "zh" else f"from {key}"
        if p["key"].isdigit():
            when = f"{key}年" if lang == "zh" else key
        parts = [f"{what}（{when}）" if lang == "zh" else f"{what} ({when})", link]
        if p.get("reference"):
            parts.append(_t(p["reference"], lang))
        parts.append(f"{_w('confidence', lang)}{sep}{_w(p['confidence'], lang)}")
        if not p["verified"]:
            parts.append(f"**{_w('unverified', lang)}**")
        if p.get("disputed"):
            parts.append(f"**{_w('disputed', lang)}**")
        lines.append(" · ".join(parts))
    return lines
