"""The sandbox a handler sees: the workbook passes a few facts in WORKBOOK_* variables
(SandboxEnvironment.swift) that handlers must never see, the import path holds only what
Lambda's Python runtime holds (the task folder, the bundled boto3 family, the standard
library), and every path shown names /var/task and /var/runtime, never the host's folders.
"""

import os
import sys

PRIVATE_PREFIX = "WORKBOOK_"
SHOWN_TASK = "/var/task"
SHOWN_RUNTIME = "/var/runtime"

# [real, shown] pairs, longest real prefix first (show_paths).
_replacements = []


class Settings:
    """What the workbook told the bootstrap."""

    def __init__(self, env):
        self.task_root = env.get("WORKBOOK_TASK_ROOT") or os.getcwd()
        self.packages = env.get("WORKBOOK_BUNDLED_MODULES")
        # PYTHONPATH's entries as real folders (the workbook maps /var/task and /var/runtime).
        self.python_path = [entry for entry in env.get("WORKBOOK_PYTHONPATH", "").split(":") if entry]
        try:
            self.virtual_time_ms = float(env.get("WORKBOOK_VIRTUAL_TIME_MS", ""))
        except ValueError:
            self.virtual_time_ms = None
        self.deterministic = env.get("WORKBOOK_DETERMINISTIC") == "1"
        self.seed = env.get("WORKBOOK_SEED", "0")
        self.dynamodb_endpoint = env.get("WORKBOOK_DYNAMODB_ENDPOINT") or None


def take_settings(env=os.environ):
    """Reads the workbook-private variables, removes every one of them, and restores the values
    a Lambda handler sees. Call before any user code runs."""
    settings = Settings(env)
    if "WORKBOOK_LD_LIBRARY_PATH" in env:
        env["LD_LIBRARY_PATH"] = env["WORKBOOK_LD_LIBRARY_PATH"]
    # Deterministic mode fixes str hashing (set order) with PYTHONHASHSEED; Lambda does not set it.
    if "WORKBOOK_HASHSEED" in env:
        env.pop("PYTHONHASHSEED", None)
    for name in [name for name in env if name.startswith(PRIVATE_PREFIX)]:
        del env[name]
    return settings


def shown_python_lib(runtime):
    """/var/lang/lib/python3.12: where Lambda's image keeps the standard library."""
    return "/var/lang/lib/" + runtime.replace(".x", "")


def shown_packages(runtime):
    """Where Lambda's image keeps the bundled boto3: /var/runtime up to python3.11, the
    interpreter's site-packages from python3.12 (AL2023 images) [I: from the images' layout]."""
    try:
        minor = int(runtime.split(".")[1])
    except (IndexError, ValueError):
        minor = 12
    return SHOWN_RUNTIME if minor < 12 else shown_python_lib(runtime) + "/site-packages"


def install_import_path(settings, runtime_dir, runtime):
    """sys.path as on Lambda, in Lambda's order: the task root, PYTHONPATH (Lambda's is
    /var/runtime), the bundled packages, then the standard library the interpreter found."""
    prefixes = (sys.base_prefix + "/", sys.base_exec_prefix + "/")
    stdlib = [entry for entry in sys.path if entry.startswith(prefixes)
              and "site-packages" not in entry and "dist-packages" not in entry]
    path = [settings.task_root]
    for real in settings.python_path:
        if real not in path:
            path.append(real)
    if runtime_dir not in path:
        path.append(runtime_dir)
    if settings.packages:
        path.append(settings.packages)
    sys.path[:] = path + stdlib
    lib_dir = os.path.dirname(os.__file__)
    _set_real_folders([(settings.task_root, SHOWN_TASK), (runtime_dir, SHOWN_RUNTIME),
                       (settings.packages, shown_packages(runtime)), (lib_dir, shown_python_lib(runtime))])


def _set_real_folders(pairs):
    global _replacements
    _replacements = sorted(((real, shown) for real, shown in pairs if real), key=lambda pair: -len(pair[0]))


def show_paths(text):
    """`text` with the real folders replaced by the ones Lambda shows."""
    for real, shown in _replacements:
        if real in text:
            text = text.replace(real, shown)
    return text
