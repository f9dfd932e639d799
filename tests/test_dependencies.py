"""Every third-party package the app and the ETL import is declared in pyproject.toml, with a
lower bound: an install from the project's own metadata must not rely on another package
happening to pull it in (numpy came with pandas, charset-normalizer with trafilatura)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from etl.settings import ROOT

#: the project's own top-level packages
OWN = {"etl", "dashboard", "tests", "scripts"}


def _declared() -> dict[str, str]:
    """Distribution name (normalised) -> its requirement as written, of every group."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for group in project.get("optional-dependencies", {}).values():
        lines += group
    out = {}
    for line in lines:
        name = re.match(r"[A-Za-z0-9_.-]+", line).group()
        out[re.sub(r"[-_.]+", "-", name).lower()] = line
    return out


def _imported() -> set[str]:
    """Top-level modules imported anywhere in etl/ and dashboard/."""
    found: set[str] = set()
    for folder in ("etl", "dashboard"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found


def test_every_imported_package_is_declared_with_a_lower_bound():
    declared = _declared()
    owners = importlib.metadata.packages_distributions()
    third_party = sorted(
        m for m in _imported() - OWN - set(sys.stdlib_module_names) if not m.startswith("_")
    )
    assert "pandas" in third_party and "streamlit" in third_party  # the scan reads imports
    missing = []
    for module in third_party:
        dists = {re.sub(r"[-_.]+", "-", d).lower() for d in owners.get(module, [module])}
        if not dists & declared.keys():
            missing.append(f"{module} ({', '.join(sorted(dists))})")
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    unbounded = [line for line in declared.values() if "conflict-timeline" not in line
                 and ">=" not in line]  # fmt: skip
    assert not unbounded, f"declared without a lower bound: {unbounded}"
