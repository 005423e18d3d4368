"""data/agencies.yml: the hotline and the agencies the site sends readers to, each with the names
pages write and the source whose address it links to (hooks/render/contact_links.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hooks.load.languages import LANGS
from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_list,
    check_type,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name

PHONE = re.compile(r"^[0-9]{5,12}$")


def load_into(site: Any, root: Path) -> None:
    """site.hotline: the number; site.agencies: [{id, url, local, names: {lang: [..]}}]."""
    path = root / "agencies.yml"
    file = rel_name(path, root)
    if not path.exists():
        raise DataError(file, "(file)", None, "this file to exist")
    doc = read_yaml(path, root)
    check_keys(doc, {"hotline", "agencies"}, file, "")
    hotline = require(doc, "hotline", file, "")
    if not isinstance(hotline, str) or not PHONE.match(hotline):
        raise DataError(file, "hotline", hotline, "a phone number in quotes, digits only, like '12333'")
    items = check_list(require(doc, "agencies", file, ""), file, "agencies", min_len=1)
    check_unique(items, file, "agencies")
    seen: dict[str, str] = {}
    agencies = []
    for i, item in enumerate(items):
        at = join("agencies", i)
        check_keys(item, {"id", "source", "local", "names"}, file, at)
        check_id(require(item, "id", file, at), file, join(at, "id"))
        source_id = require(item, "source", file, at)
        url = site.sources.get(source_id, {}).get("url") if isinstance(source_id, str) else None
        if not (isinstance(url, str) and url.startswith("https://")):
            raise DataError(file, join(at, "source"), source_id,
                            "a source id from data/sources.yml whose url is an https:// address")
        local = check_type(item.get("local", False), bool, file, join(at, "local"), "true or false")
        names = require(item, "names", file, at)
        check_keys(names, set(LANGS), file, join(at, "names"))
        for lang in LANGS:
            forms = check_list(require(names, lang, file, join(at, "names")), file,
                               join(join(at, "names"), lang), min_len=1)
            for j, form in enumerate(forms):
                where = join(join(join(at, "names"), lang), j)
                if not isinstance(form, str) or not form.strip():
                    raise DataError(file, where, form, "a non-empty name")
                # One name, one agency: otherwise which address a name links to would depend
                # on the order of the list.
                if form.lower() in seen:
                    raise DataError(file, where, form, f"a name no other agency has (also {seen[form.lower()]})")
                seen[form.lower()] = item["id"]
        agencies.append({"id": item["id"], "url": url, "local": local, "names": names})
    site.hotline, site.agencies = hotline, agencies
