# process family: subprocess, os.system, exec/spawn, partial paths, wildcards.
import asyncio
import os
import pty
import subprocess  # expect: KR214
import subprocess as sp  # expect: KR214
from subprocess import run as r  # expect: KR214

check = subprocess.check_call


def shell_true(cmd, user, flag):
    subprocess.run(cmd, shell=True)  # expect: KR202
    subprocess.Popen("ls -l " + user, shell=True)  # expect: KR202
    subprocess.call("/bin/ls -l", shell=True)  # expect: KR202
    sp.check_output("ls -l", shell=True)  # expect: KR202, KR207
    r(cmd, shell=1)  # expect: KR202
    check(cmd, shell=flag)  # expect: KR202
    subprocess.run(["/bin/sh", "-c", "true"], shell=True)  # expect: KR202
    subprocess.run("chmod 644 *.txt", shell=True)  # expect: KR202, KR207, KR209
    subprocess.Popen(  # expect: KR202
        cmd,
        shell=True,
    )


def without_shell(cmd, url, prog):
    subprocess.run(cmd)  # expect: KR203
    subprocess.run(cmd, shell=False)  # expect: KR203
    subprocess.Popen(args=cmd)  # expect: KR203
    subprocess.run(["/usr/bin/git", "clone", url])  # expect: KR203
    subprocess.run(["git", "status"])  # expect: KR207
    subprocess.run(["/usr/bin/git", "status"])
    subprocess.run(("/usr/bin/git", "status"), check=True)
    subprocess.run("./configure")
    subprocess.run("C:\\tools\\x.exe")
    asyncio.create_subprocess_exec(prog, url)  # expect: KR203
    asyncio.create_subprocess_exec("ls")  # expect: KR207


def through_a_shell(cmd):
    os.system(cmd)  # expect: KR205
    os.system("tar czf backup.tgz *")  # expect: KR205, KR207, KR209
    os.popen("/bin/date")  # expect: KR205
    subprocess.getoutput("uname -a")  # expect: KR205, KR207
    subprocess.getstatusoutput(cmd)  # expect: KR205
    asyncio.create_subprocess_shell(cmd)  # expect: KR205
    os.system("/usr/bin/start-service *")  # expect: KR205
    os.system("echo *")  # expect: KR205, KR207


def no_shell(path, args):
    os.execv(path, args)  # expect: KR206
    os.execvp("make", ["make", "all"])  # expect: KR206, KR207
    os.spawnl(os.P_WAIT, "/bin/true", "true")  # expect: KR206
    os.spawnlp(os.P_NOWAIT, "sleep", "sleep", "1")  # expect: KR206, KR207
    os.posix_spawn(path, args, {})  # expect: KR206
    pty.spawn("bash")  # expect: KR206, KR207
    os.startfile(path)  # expect: KR206
    os.fork()  # expect: KR220


class Runner:
    def run(self, cmd, shell=False):
        return cmd, shell

    def go(self, cmd):
        self.run(cmd, shell=True)  # expect: KR204
        self.run(cmd, shell=False)
        self.run(cmd)


def helper(cmd, shell=False):
    return cmd, shell


def other_calls(cmd, use_shell):
    helper(cmd, shell=True)  # expect: KR204
    helper(cmd, shell=use_shell)  # expect: KR204
    helper(cmd, shell=False)
    helper(cmd, shell=None)
    helper(cmd, shell=0)


def shadowed(os, subprocess, cmd):
    os.system(cmd)
    subprocess.run(cmd)
    subprocess.run(cmd, shell=True)  # expect: KR204


def quoted(path, args):
    import shlex
    import sys

    subprocess.run(f"ls -l {shlex.quote(path)}", shell=True)  # expect: KR202
    subprocess.run("rm -- " + shlex.quote(path), shell=True)  # expect: KR202
    os.system(f"tar xf {shlex.quote(path)}")  # expect: KR205
    os.system("echo " + shlex.join(args))  # expect: KR205
    subprocess.run([sys.executable, "-m", "pip", "list"])
    subprocess.run([sys.executable, "-m", "pip", "install", path])  # expect: KR203


def suppressed(cmd):
    subprocess.run(cmd, shell=True)  # nosec B602  # expect-suppressed: KR202
    subprocess.run(cmd, shell=True)  # noqa: S602  # expect-suppressed: KR202
    os.system("ls")  # nosec B605  # expect-suppressed: KR205  # expect: KR207
    os.system("ls")  # nosec  # expect-suppressed: KR205, KR207
