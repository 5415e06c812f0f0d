# B601: paramiko exec_command.
import paramiko


def remote(host, cmd, conn):
    client = paramiko.SSHClient()
    client.connect(host)
    client.exec_command(cmd)  # expect: KR201
    conn.exec_command(cmd)  # expect: KR201
    return client
