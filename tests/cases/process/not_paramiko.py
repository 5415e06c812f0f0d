# exec_command on an object that is not a paramiko client, paramiko not imported.
def remote(conn, cmd):
    conn.exec_command(cmd)
