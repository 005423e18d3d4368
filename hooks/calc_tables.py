"""Markers for the calculator pages: the page's interface words for calculators.js, the tables a
reader sees without JavaScript (all computed by the Python rules in pension/), and the sources
of the parameters each calculator uses (ids ``src-<source id>``, which the working links to).

Markers: calc-text, calc-retirement-table, calc-min-years-table, calc-flexible-table,
calc-employee-table, calc-payment-months-table, calc-basic-table, calc-sources-<rule>.
"""

from __future__ import annotations

import json
from decimal import Decimal

from textfmt import source_line

from pension.contributions import employee_contribution, flexible_contribution, tier_base
from pension.estimate import pension_estimate
from pension.payment_months import payment_months
from pension.retirement import retirement_age

TIERS = (60, 70, 80, 90, 100, 150, 200, 250, 300)
CATEGORIES = ("male", "female55", "female50")
PARAMS_USED = {
    "retirement-age": ("retirement_schedule", "flexible_retirement", "min_contribution_months"),
    "flexible-contribution": ("contribution_base_limits", "contribution_average_wage", "tier_range",
                              "flexible_rate", "flexible_account_rate"),
    "employee-contribution": ("contribution_base_limits", "employer_rate", "employee_rate"),
    "pension-estimate": ("retirement_schedule", "min_contribution_months", "payment_months_table",
                         "payment_months_month_level", "basic_pension_rate", "transitional_coefficient",
                         "jifa_base", "account_interest_rate", "employee_rate", "tier_range",
                         "contribution_average_wage"),
}
EXTRA_SOURCES = {"retirement-age": ("npc-decision-2024",), "pension-estimate": ("npc-decision-2024",)}
TEXT = {
 "zh": {
  "birth": "出生年月",
  "birth_ph": "如 1971-04",
  "category": "人员类别",
  "male": "男职工",
  "female55": "女职工（原55岁退休）",
  "female50": "女职工（原50岁退休）",
  "year": "缴费年份",
  "how": "怎么定基数",
  "by_amount": "按金额",
  "by_tier": "按档次",
  "base": "缴费基数（元/月）",
  "tier": "档次（占平均工资的%）",
  "freq": "缴费方式",
  "month": "按月",
  "quarter": "按季",
  "yearly": "按年",
  "changes": "年中调整基数（可选）",
  "add_change": "添加一次调整",
  "from_month": "从几月起",
  "remove": "删除",
  "wage": "月工资（元）",
  "mode": "估算方式",
  "guided": "按我的情况估算",
  "direct": "按养老金公式计算",
  "paid": "已缴费年限（年）",
  "balance": "个人账户现有余额（元，可不填）",
  "jifa_base": "计发基数（元/月）",
  "index": "平均缴费指数",
  "years": "缴费年限（年，含视同）",
  "deemed_years": "视同缴费年限（年）",
  "account_balance": "个人账户余额（元）",
  "payment_months": "计发月数",
  "empty": "请填写这一项。",
  "negative": "不能是负数。",
  "nan": "请只填数字，例如 4311 或 0.5万。",
  "bad_date": "请按“年-月”填写，例如 1971-04。",
  "no_month": "没有这个月份，月份是1到12。",
  "date_range": "请填写1900年到2100年之间的年月。",
  "out_range": "{year}年的缴费基数须在{lower}元到{upper}元之间。",
  "use": "改用{v}",
  "tier_range": "档次须在{min}%到{max}%之间。",
  "whole": "请填整数。",
  "deemed_gt": "视同缴费年限不能多于缴费年限。",
  "zero": "要大于0。",
  "retired": "按您填的情况，您在{year}年前已到退休年龄，这里无法向后估算。",
  "age_range": "这个年龄不在计发月数表内。",
  "no_data": "没有{year}年的参数。",
  "prompt": "填好上面的内容，结果会显示在这里。",
  "result": "计算结果",
  "working": "计算过程",
  "copy": "复制链接",
  "copied": "链接已复制，可以发给别人。",
  "copy_fail": "请长按下面的链接复制：",
  "stamp_ret": "按 2024-09-13 全国人大常委会决定计算",
  "stamp": "按 2024-09-13 全国人大常委会决定及安徽 {year} 年参数计算",
  "flags": "请注意这些数值：",
  "unverified": "未在官方网站核实",
  "disputed": "有争议",
  "latest": "用的是已公布的最近一年数值",
  "confidence": "可信度",
  "conf_high": "高",
  "conf_medium": "中",
  "conf_low": "低",
  "src": "来源",
  "age_fmt": "{y}岁{m}个月",
  "age_whole": "{y}岁",
  "ym_fmt": "{y}年{m}月",
  "yuan": "{v}元",
  "per_month": "{v}元/月",
  "months": "{v}个月",
  "r_age": "法定退休年龄",
  "r_retire": "退休时间",
  "r_delay": "比原来晚",
  "r_early": "弹性退休最早",
  "r_late": "弹性退休最晚",
  "r_min": "最低缴费年限",
  "min_fmt": "{y}年（{m}个月）",
  "min_none": "到龄年份早于2025年，按原规定。",
  "w_orig": "{cat}原来的退休年龄是{age}。",
  "w_nodelay": "您出生在{first}之前，不延迟：0个月。",
  "w_delay": "延迟月数 = （出生月份比{first}晚的月数 ÷ {step}，取整）+ 1，最多{cap}个月 = {off} ÷ {step} 取整 + 1 = {d}个月",
  "w_new": "法定退休年龄 = 原退休年龄 + 延迟 = {orig} + {d}个月 = {age}",
  "w_retire": "退休时间 = 出生年月 + 法定退休年龄 = {birth} + {age} = {retire}",
  "w_early": "最早 = 取较大者（原退休年龄，法定年龄减{n}个月）= {age}，即{ym}",
  "w_late": "最晚 = 法定年龄 + {n}个月 = {age}，即{ym}（须单位和本人同意）",
  "w_min": "最低缴费年限看达到法定退休年龄的年份：{year}年是{m}个月。",
  "f_base": "缴费基数",
  "f_monthly": "每月缴费",
  "f_quarterly": "每季缴费",
  "f_yearly": "全年缴费",
  "f_period": "您每次缴",
  "f_account": "每月记入个人账户",
  "f_total": "全年合计（含调整）",
  "f_account_total": "全年记入个人账户",
  "w_tier": "档次基数 = 年平均工资 × 档次 ÷ 12 = {avg} × {t}% ÷ 12 = {b}元（四舍五入到元）",
  "w_monthly": "每月缴费 = 缴费基数 × {r} = {b} × {r} = {v}",
  "w_quarter": "每季 = 每月 × 3 = {m} × 3 = {v}",
  "w_year": "全年 = 每月 × 12 = {m} × 12 = {v}",
  "w_account": "记入个人账户 = 缴费基数 × {r} = {b} × {r} = {v}",
  "w_seg": "{a}月到{b}月：基数{base}元，{m} × {n}个月 = {v}",
  "w_sum": "全年合计 = {terms} = {v}",
  "e_base": "缴费基数",
  "e_employer": "单位每月缴",
  "e_employee": "个人每月缴（全部记入个人账户）",
  "e_total": "合计每月",
  "w_clamp_lower": "您的工资{w}元低于{year}年下限{l}元，按下限{l}元缴费。",
  "w_clamp_upper": "您的工资{w}元高于{year}年上限{u}元，按上限{u}元缴费。",
  "w_clamp_none": "您的工资{w}元在{year}年上下限{l}元到{u}元之间，按工资缴费。",
  "w_employer": "单位 = 缴费基数 × {r} = {b} × {r} = {v}",
  "w_employee": "个人 = 缴费基数 × {r} = {b} × {r} = {v}",
  "w_etotal": "合计 = {a} + {b} = {v}",
  "p_basic": "基础养老金",
  "p_account": "个人账户养老金",
  "p_trans": "过渡性养老金",
  "p_total": "每月合计（估算）",
  "p_balance": "退休时个人账户余额（估算）",
  "p_pm": "计发月数",
  "p_years": "缴费年限合计",
  "w_basic": "基础养老金 = 计发基数 × (1 + 平均指数) ÷ 2 × 缴费年限 × {r} = {c} × (1 + {i}) ÷ 2 × {n} × {r} = {v}",
  "w_paccount": "个人账户养老金 = 账户余额 ÷ 计发月数 = {b} ÷ {m} = {v}",
  "w_trans": "过渡性养老金 = 计发基数 × 平均指数 × 视同缴费年限 × {k} = {c} × {i} × {d} × {k} = {v}",
  "w_total": "合计 = {a} + {b} + {c} = {v}",
  "w_pm": "计发月数：{age}退休，按{a}岁和{b}岁之间按月折算 = {at} − ({at} − {next}) × {m} ÷ 12 = {v}",
  "w_pm_whole": "计发月数：{age}退休，查表 = {v}",
  "w_g_base": "从{y}年起，每年按档次{t}%缴费，基数{b}元/月，共{n}年（到{r}年）。",
  "w_g_credit": "每年记入个人账户 = {b} × {s} × 12 = {v}",
  "w_g_proj": "账户每年按{rate}计息（{ry}年记账利率）后加上当年记入额：{start} → {v}",
  "w_g_years": "缴费年限 = 已缴{p}年 + 今后{n}年 = {v}年；平均指数按档次算作{i}；计发基数用{jy}年的{c}元。",
  "w_g_min": "注意：您的缴费年限少于最低要求{m}个月，到龄后需补足才能按月领取。"
 },
 "en": {
  "birth": "Month of birth",
  "birth_ph": "e.g. 1971-04",
  "category": "Group",
  "male": "Man",
  "female55": "Woman, old retirement age 55",
  "female50": "Woman, old retirement age 50",
  "year": "Contribution year",
  "how": "Choose the base by",
  "by_amount": "amount",
  "by_tier": "tier",
  "base": "Contribution base (yuan a month)",
  "tier": "Tier (% of the average wage)",
  "freq": "You pay",
  "month": "every month",
  "quarter": "every quarter",
  "yearly": "once a year",
  "changes": "Base changes during the year (optional)",
  "add_change": "Add a change",
  "from_month": "From month",
  "remove": "Remove",
  "wage": "Monthly wage (yuan)",
  "mode": "How to estimate",
  "guided": "From my situation",
  "direct": "With the pension formula",
  "paid": "Years paid so far",
  "balance": "Personal account balance now (yuan, optional)",
  "jifa_base": "Pension base (yuan a month)",
  "index": "Average contribution index",
  "years": "Contribution years (including deemed)",
  "deemed_years": "Deemed contribution years",
  "account_balance": "Personal account balance (yuan)",
  "payment_months": "Payment months",
  "empty": "Fill in this field.",
  "negative": "This cannot be negative.",
  "nan": "Use numbers only, for example 4311 or 0.5万.",
  "bad_date": "Write the year and month, for example 1971-04.",
  "no_month": "There is no such month. Months are 1 to 12.",
  "date_range": "Give a month between 1900 and 2100.",
  "out_range": "In {year} the base must be between {lower} and {upper} yuan a month.",
  "use": "Use {v}",
  "tier_range": "The tier must be between {min}% and {max}%.",
  "whole": "Use a whole number.",
  "deemed_gt": "Deemed years cannot be more than contribution years.",
  "zero": "This must be more than 0.",
  "retired": "You reach retirement age before {year}, so we cannot project forward.",
  "age_range": "This age is not in the payment months table.",
  "no_data": "We have no figures for {year}.",
  "prompt": "Fill in the fields above to see your result here.",
  "result": "Result",
  "working": "How we worked it out",
  "copy": "Copy link",
  "copied": "Link copied. You can send it to someone.",
  "copy_fail": "Press and hold the link below to copy it:",
  "stamp_ret": "Worked out under the NPC Standing Committee decision of 2024-09-13",
  "stamp": "Worked out under the NPC Standing Committee decision of 2024-09-13 and Anhui's {year} figures",
  "flags": "Please note these figures:",
  "unverified": "not verified on the official website",
  "disputed": "disputed",
  "latest": "the latest published value is used",
  "confidence": "confidence",
  "conf_high": "high",
  "conf_medium": "medium",
  "conf_low": "low",
  "src": "source",
  "age_fmt": "{y} years {m} months",
  "age_whole": "{y} years",
  "ym_fmt": "{M} {y}",
  "yuan": "{v} yuan",
  "per_month": "{v} yuan a month",
  "months": "{v} months",
  "r_age": "Statutory retirement age",
  "r_retire": "You can retire in",
  "r_delay": "Later than before by",
  "r_early": "Earliest flexible retirement",
  "r_late": "Latest flexible retirement",
  "r_min": "Minimum contribution period",
  "min_fmt": "{y} years ({m} months)",
  "min_none": "You reach the age before 2025, so the old rules apply.",
  "w_orig": "The old retirement age for this group ({cat}) is {age}.",
  "w_nodelay": "You were born before {first}, so there is no delay: 0 months.",
  "w_delay": "Delay = (months born after {first} ÷ {step}, rounded down) + 1, at most {cap} months = {off} ÷ {step} rounded down + 1 = {d} months",
  "w_new": "Statutory age = old age + delay = {orig} + {d} months = {age}",
  "w_retire": "Retirement month = month of birth + statutory age = {birth} + {age} = {retire}",
  "w_early": "Earliest = the larger of the old age and the statutory age minus {n} months = {age}, in {ym}",
  "w_late": "Latest = statutory age + {n} months = {age}, in {ym} (your employer must agree)",
  "w_min": "The minimum depends on the year you reach statutory age: for {year} it is {m} months.",
  "f_base": "Contribution base",
  "f_monthly": "Each month",
  "f_quarterly": "Each quarter",
  "f_yearly": "For the year",
  "f_period": "Each payment",
  "f_account": "To your personal account each month",
  "f_total": "Year total with the changes",
  "f_account_total": "To your personal account in the year",
  "w_tier": "Tier base = yearly average wage × tier ÷ 12 = {avg} × {t}% ÷ 12 = {b} yuan (rounded to the yuan)",
  "w_monthly": "Each month = base × {r} = {b} × {r} = {v}",
  "w_quarter": "Each quarter = monthly × 3 = {m} × 3 = {v}",
  "w_year": "For the year = monthly × 12 = {m} × 12 = {v}",
  "w_account": "To your personal account = base × {r} = {b} × {r} = {v}",
  "w_seg": "Months {a} to {b}: base {base} yuan, {m} × {n} months = {v}",
  "w_sum": "Year total = {terms} = {v}",
  "e_base": "Contribution base",
  "e_employer": "Employer pays each month",
  "e_employee": "You pay each month (all to your personal account)",
  "e_total": "Total each month",
  "w_clamp_lower": "Your wage of {w} yuan is below the {year} lower limit of {l} yuan, so the base is {l} yuan.",
  "w_clamp_upper": "Your wage of {w} yuan is above the {year} upper limit of {u} yuan, so the base is {u} yuan.",
  "w_clamp_none": "Your wage of {w} yuan is between the {year} limits of {l} and {u} yuan, so the base is your wage.",
  "w_employer": "Employer = base × {r} = {b} × {r} = {v}",
  "w_employee": "You = base × {r} = {b} × {r} = {v}",
  "w_etotal": "Total = {a} + {b} = {v}",
  "p_basic": "Basic pension",
  "p_account": "Personal account pension",
  "p_trans": "Transitional pension",
  "p_total": "Total each month (estimate)",
  "p_balance": "Personal account at retirement (estimate)",
  "p_pm": "Payment months",
  "p_years": "Total contribution years",
  "w_basic": "Basic = pension base × (1 + index) ÷ 2 × years × {r} = {c} × (1 + {i}) ÷ 2 × {n} × {r} = {v}",
  "w_paccount": "Personal account pension = balance ÷ payment months = {b} ÷ {m} = {v}",
  "w_trans": "Transitional = pension base × index × deemed years × {k} = {c} × {i} × {d} × {k} = {v}",
  "w_total": "Total = {a} + {b} + {c} = {v}",
  "w_pm": "Payment months: retiring at {age}, spread by month between ages {a} and {b} = {at} − ({at} − {next}) × {m} ÷ 12 = {v}",
  "w_pm_whole": "Payment months: retiring at {age}, from the table = {v}",
  "w_g_base": "From {y}, you pay every year at the {t}% tier, a base of {b} yuan a month, for {n} years (until {r}).",
  "w_g_credit": "Added to your account each year = {b} × {s} × 12 = {v}",
  "w_g_proj": "Each year the account earns {rate} (the {ry} rate), then the year's credit is added: {start} → {v}",
  "w_g_years": "Contribution years = {p} paid + {n} to come = {v}; the index is taken as the tier, {i}; the pension base is {jy}'s {c} yuan.",
  "w_g_min": "Note: your years are below the minimum of {m} months. You would need to make them up to get a monthly pension."
 }
}


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _whole(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def _age(age: dict, lang: str) -> str:
    y, m = age["years"], age["months"]
    if lang == "zh":
        return f"{y}岁{m}个月" if m else f"{y}岁"
    return f"{y}y {m}m" if m else f"{y}y"


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _latest_year(params, name: str) -> int:
    return max(int(k) for k in params.spec(name)["values"])


def calc_text(site, lang):
    data = json.dumps(TEXT[lang], ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="calc-text">{data}</script>\n'


def retirement_table(site, lang):
    params = site.params
    first = {c: int(params.get("retirement_schedule", "2025-01-01").value[c]["first_birth"][:4])
             for c in CATEGORIES}
    start, end = min(first.values()) - 1, 0
    rows = []
    year = start
    while True:
        cells, done = [str(year)], True
        for cat in CATEGORIES:
            jan = retirement_age(params, f"{year}-01", cat).outputs
            dec = retirement_age(params, f"{year}-12", cat).outputs
            text = _age(jan["age"], lang)
            if dec["age"] != jan["age"]:
                text += "–" + _age(dec["age"], lang)
            cells.append(text)
            band = params.get("retirement_schedule", "2025-01-01").value[cat]
            done = done and jan["delay_months"] >= band["max_delay_months"]
        rows.append(cells)
        if done:
            end = year
            break
        year += 1
    t = TEXT[lang]
    head = ["出生年份" if lang == "zh" else "Year of birth", t["male"], t["female55"], t["female50"]]
    note = (f"表中是{start}年到{end}年出生的人：1月出生的年龄–12月出生的年龄。{end}年以后出生的，年龄与{end}年相同。"
            if lang == "zh" else
            f"The table covers people born from {start} to {end}: the age for January births, then for December "
            f"births. For later years the age is the same as for {end}.")
    return note + "\n\n" + _table(head, rows)


def min_years_table(site, lang):
    spec = site.params.spec("min_contribution_months")["values"]
    rows = []
    for year, entry in spec.items():
        months = int(entry["value"])
        years = f"{months // 12}年" + (f"{months % 12}个月" if months % 12 else "") if lang == "zh" \
            else f"{months // 12} years" + (f" {months % 12} months" if months % 12 else "")
        rows.append([str(year), years, str(months)])
    last = max(spec)
    rows[-1][0] = f"{last}年及以后" if lang == "zh" else f"{last} and later"
    head = ["达到法定退休年龄的年份", "最低缴费年限", "月数"] if lang == "zh" else \
        ["Year you reach statutory age", "Minimum", "Months"]
    return _table(head, rows)


def flexible_table(site, lang):
    params = site.params
    year = min(_latest_year(params, "contribution_average_wage"),
               _latest_year(params, "contribution_base_limits"))
    rows = []
    for tier in TIERS:
        base = tier_base(params, year, tier).outputs["base"]
        out = flexible_contribution(params, year, base).outputs
        rows.append([f"{tier}%", _whole(base), _money(out["monthly"]), _money(out["quarterly"]),
                     _money(out["yearly"]), _money(out["personal_account_monthly"])])
    head = ["档次", "基数（元/月）", "每月", "每季", "全年", "每月记入个人账户"] if lang == "zh" else \
        ["Tier", "Base (yuan a month)", "Monthly", "Quarterly", "Yearly", "To your account each month"]
    note = (f"{year}年各档次的缴费（元）。档次基数由公布的上下限倒推，四舍五入到元。" if lang == "zh" else
            f"Payments in {year} for each tier, in yuan. Tier bases are worked back from the published limits "
            "and rounded to the yuan.")
    return note + "\n\n" + _table(head, rows)


def employee_table(site, lang):
    params = site.params
    year = min(_latest_year(params, "contribution_average_wage"),
               _latest_year(params, "contribution_base_limits"))
    rows = []
    for tier in TIERS:
        base = tier_base(params, year, tier).outputs["base"]
        out = employee_contribution(params, year, base).outputs
        rows.append([_whole(base), _money(out["employer"]), _money(out["employee"]), _money(out["total"])])
    head = ["月工资（元）", "单位每月缴", "个人每月缴", "合计"] if lang == "zh" else \
        ["Monthly wage (yuan)", "Employer pays", "You pay", "Total"]
    note = (f"{year}年按不同工资算的每月缴费（元）。工资低于下限或高于上限时，按下限或上限算。" if lang == "zh" else
            f"Monthly payments in {year} for some wages, in yuan. A wage below the lower limit or above the "
            "upper limit counts as that limit.")
    return note + "\n\n" + _table(head, rows)


def payment_months_table(site, lang):
    params = site.params
    rows = []
    for age in range(50, 66):
        rows.append([str(age), str(payment_months(params, age, 0).outputs["months"]),
                     str(payment_months(params, age, 6).outputs["months"])])
    head = ["退休年龄（岁）", "整岁", "再加6个月"] if lang == "zh" else ["Retirement age", "Whole years", "Plus 6 months"]
    return _table(head, rows)


def basic_table(site, lang):
    params = site.params
    year = _latest_year(params, "jifa_base")
    jifa = Decimal(str(params.get("jifa_base", year).value))
    indexes = (Decimal("0.6"), Decimal("1"), Decimal("2"), Decimal("3"))
    rows = []
    for years in (15, 20, 25, 30, 35, 40):
        cells = [str(years)]
        for index in indexes:
            out = pension_estimate(params, jifa, index, years, 0, 0, 139).outputs
            cells.append(_money(out["basic"]))
        rows.append(cells)
    head = (["缴费年限"] + [f"指数{i}" for i in indexes]) if lang == "zh" else \
        (["Years paid"] + [f"Index {i}" for i in indexes])
    note = (f"只算基础养老金（元/月），计发基数用{year}年的{jifa}元。" if lang == "zh" else
            f"Basic pension only, in yuan a month, with {year}'s pension base of {jifa} yuan.")
    return note + "\n\n" + _table(head, rows)


def _sources_for(rule):
    def render(site, lang):
        ids: list[str] = []
        for name in PARAMS_USED[rule]:
            for entry in site.params.spec(name)["values"].values():
                if entry["source"] not in ids:
                    ids.append(entry["source"])
        for extra in EXTRA_SOURCES.get(rule, ()):
            if extra not in ids:
                ids.insert(0, extra)
        return "\n".join(f'- <span id="src-{sid}"></span>{source_line(site.sources[sid], lang, site.ui)}'
                         for sid in ids if sid in site.sources) + "\n"
    return render


RENDERERS = {
    "calc-text": calc_text,
    "calc-retirement-table": retirement_table,
    "calc-min-years-table": min_years_table,
    "calc-flexible-table": flexible_table,
    "calc-employee-table": employee_table,
    "calc-payment-months-table": payment_months_table,
    "calc-basic-table": basic_table,
    **{f"calc-sources-{rule}": _sources_for(rule) for rule in PARAMS_USED},
}
