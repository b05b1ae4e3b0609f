"""Every third-party module the package imports is declared in pyproject.toml and pinned in
constraints.txt (issue 14: an undeclared dependency broke installs with the pip Python ships)."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "rasid").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"rasid", "__future__"}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    return {_norm(re.split(r"[\[<>=!~; ]", n, maxsplit=1)[0]) for n in names}


def test_every_imported_module_is_declared():
    dists = packages_distributions()
    declared = _declared()
    missing = {}
    for module in sorted(_imported_modules()):
        owners = {_norm(d) for d in dists.get(module, [])}
        if owners and not owners & declared:
            missing[module] = sorted(owners)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declared_dependency_is_pinned():
    pinned = {_norm(line.split("==")[0]) for line in (ROOT / "constraints.txt").read_text().splitlines()
              if "==" in line and not line.startswith("#")}
    assert _declared() - pinned == set(), "run `make lock` after changing pyproject.toml"
