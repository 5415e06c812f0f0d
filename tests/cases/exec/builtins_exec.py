# exec family: eval, exec, compile, dynamic imports, runpy, consoles.
import builtins
import code
import importlib
import importlib.util
import re
import runpy
from importlib import import_module as im
from importlib.machinery import SourceFileLoader


def positives(user_code, name, path):
    exec(user_code)  # expect: KR102
    eval(user_code)  # expect: KR107
    eval("1 + 2")  # expect: KR107
    builtins.eval(user_code)  # expect: KR107
    evaluate = eval
    evaluate(user_code)  # expect: KR107
    compile(user_code, "<input>", "exec")  # expect: KR110
    compile(source=user_code, filename="<x>", mode="eval")  # expect: KR110
    __import__(name)  # expect: KR111
    importlib.import_module(name)  # expect: KR111
    im("plugins." + name)  # expect: KR111
    runpy.run_path(path)  # expect: KR112
    runpy.run_module(mod_name=name)  # expect: KR112
    code.interact(local=locals())  # expect: KR113
    code.InteractiveConsole()  # expect: KR113
    importlib.util.spec_from_file_location("plugin", path)  # expect: KR114
    SourceFileLoader("plugin", path)  # expect: KR114


PLUGIN = "json"


def negatives(obj, pattern):
    compile("x = 1", "<const>", "exec")
    importlib.import_module("json")
    importlib.import_module(PLUGIN)
    __import__("os.path")
    runpy.run_module("pip")
    obj.eval("x")
    obj.exec("x")
    obj.compile(pattern)
    re.compile(pattern)


def shadowed_by_parameters(eval, exec, compile):
    eval("x")
    exec("y")
    compile(pattern, "f", "exec")


def shadowed_by_local(text):
    compile = re.compile
    compile(text)


class Model:
    def eval(self):
        return self


Model().eval()


def loaders_and_hooks(path, tracer):
    import sys

    spec = importlib.util.spec_from_file_location("p", path)  # expect: KR114
    importlib.util.module_from_spec(spec)  # expect: KR114
    sys.settrace(tracer)  # expect: KR115
    sys.setprofile(None)  # expect: KR115
    sys.gettrace()


def native(path, name):
    import ctypes
    import ctypes.util
    from ctypes import CDLL

    ctypes.CDLL(path)  # expect: KR116
    ctypes.cdll.LoadLibrary(name + ".so")  # expect: KR116
    CDLL(ctypes.util.find_library(name))  # expect: KR116
    ctypes.CDLL("libc.so.6")
    ctypes.CDLL(None)
    CDLL(ctypes.util.find_library("m"))
    ctypes.cdll.LoadLibrary("libm.so.6")
