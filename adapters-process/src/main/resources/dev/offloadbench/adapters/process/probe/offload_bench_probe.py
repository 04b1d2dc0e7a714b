"""offload-bench's probe plugin for pytest: records what a run would do, then ends pytest before
collection, so that no test runs.

offload-bench loads it into the pytest that a benchmark recipe starts (PYTEST_PLUGINS names this
module, PYTHONPATH holds its folder), however the recipe starts pytest: `uv run`, `python -m
pytest`, an absolute interpreter, a wrapper script. It writes one JSON line per pytest start to
the file named by OFFLOAD_BENCH_PROBE_RECORD:

- what -n/--numprocesses and --maxprocesses said once pytest had read every source of options
  (ini or pyproject addopts, PYTEST_ADDOPTS, the command line), before xdist turned them into
  workers;
- how many workers those options ask for, read as xdist reads them (-n auto and logical,
  --maxprocesses, PYTEST_XDIST_AUTO_NUM_WORKERS, a pytest_xdist_auto_num_workers hook);
- how many it will really start: read at the start of the session, after every pytest_configure
  hook (conftest files included) has run, and before xdist's session starts its workers;
- pytest's rootdir, ini file, invocation folder and arguments, and the Python that runs it;
- the versions of Python, pytest and pytest-xdist this very pytest runs on (the project's own
  environment), so that a session records them.

Then it ends pytest with exit code 0, before collection.
"""

import json
import os
import platform
import sys

import pytest

_RECORD = "OFFLOAD_BENCH_PROBE_RECORD"
_options = {}


def _count_specs(tx):
    """xdist's own reading of --tx specs: `3*popen` is three workers, `popen` one."""
    count = 0
    for spec in tx or []:
        head, star, _ = str(spec).partition("*")
        if star:
            try:
                count += int(head)
                continue
            except ValueError:
                pass
        count += 1
    return count


def _xdist_version(config):
    """The installed pytest-xdist's version, as its distribution says (else its module), or None."""
    if not config.pluginmanager.hasplugin("xdist"):
        return None
    try:
        from importlib.metadata import version

        return version("pytest-xdist")
    except Exception:  # not installed as a distribution (a vendored copy, say): ask the module
        try:
            import xdist

            return str(getattr(xdist, "__version__", None) or "") or None
        except Exception:
            return None


def _plain(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    # Registered after xdist (PYTEST_PLUGINS are loaded last), so among the tryfirst
    # implementations this one runs first: the options as given, before xdist reads them.
    option = config.option
    _options["numprocesses"] = _plain(getattr(option, "numprocesses", None))
    _options["maxprocesses"] = _plain(getattr(option, "maxprocesses", None))
    _options["dist"] = _plain(getattr(option, "dist", None))
    return None


def _from_options(config):
    """The workers the options alone ask for, as xdist reads them: -n (auto and logical asking
    the pytest_xdist_auto_num_workers hook, as xdist does), capped by --maxprocesses."""
    requested = _options.get("numprocesses")
    if requested in ("auto", "logical"):
        try:
            requested = config.hook.pytest_xdist_auto_num_workers(config=config)
        except Exception:  # an xdist without the hook: leave it unknown
            return None
    if not isinstance(requested, int) or requested <= 0:
        return 0
    cap = _options.get("maxprocesses")
    return min(requested, cap) if isinstance(cap, int) and cap > 0 else requested


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    config = session.config
    if hasattr(config, "workerinput"):
        return  # an xdist worker: never reached, as the controller stops first
    dsession = config.pluginmanager.getplugin("dsession")
    workers = _count_specs(getattr(config.option, "tx", None)) if dsession is not None else 0
    params = getattr(config, "invocation_params", None)
    inipath = getattr(config, "inipath", None)
    record = {
        "kind": "pytest",
        "workers": workers,
        "xdist": config.pluginmanager.hasplugin("xdist"),
        "xdistActive": dsession is not None,
        "numprocesses": _options.get("numprocesses"),
        "maxprocesses": _options.get("maxprocesses"),
        "fromOptions": _from_options(config),
        "rootdir": str(getattr(config, "rootpath", getattr(config, "rootdir", ""))),
        "inifile": str(inipath) if inipath else None,
        "invocationDir": str(params.dir) if params is not None else os.getcwd(),
        "args": [str(a) for a in params.args] if params is not None else sys.argv[1:],
        "python": sys.executable,
        "pythonVersion": platform.python_version(),
        "pytest": pytest.__version__,
        "xdistVersion": _xdist_version(config),
    }
    path = os.environ.get(_RECORD)
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
    pytest.exit("offload-bench probe: pytest stopped before collection; no test ran", returncode=0)
