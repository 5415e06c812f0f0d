# web family: SQL built from strings (KR720 = B608).
import sqlite3

TABLE = "users"
COLUMNS = "id, name"


def injections(cur, name, uid, table, ids):
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # expect: KR720
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")  # expect: KR720
    cur.execute(f"DELETE FROM users WHERE id = {uid}")  # expect: KR720
    cur.execute("UPDATE users SET name = '{}' WHERE id = 1".format(name))  # expect: KR720
    query = "select id from " + table  # expect: KR720
    q2 = f"INSERT INTO {table} (name) VALUES ('{name}')"  # expect: KR720
    q3 = "INSERT OR REPLACE INTO t VALUES (%(v)s)" % {"v": name}  # expect: KR720
    q4 = "SELECT %s FROM t" % (name,)  # expect: KR720
    cur.executemany("DELETE FROM " + table + " WHERE id = ?", ids)  # expect: KR720
    return query, q2, q3, q4


def safe(cur, name, uid, ids, n):
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    cur.execute("SELECT * FROM users WHERE name = ?", [name])
    cur.execute("SELECT " + COLUMNS + " FROM " + TABLE)
    cur.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE id = ?", (uid,))
    cur.execute("SELECT * FROM t WHERE id = %d" % uid)
    cur.execute(f"SELECT * FROM t LIMIT {n:d}")
    cur.execute("SELECT * FROM t LIMIT " + str(len(ids)))
    cur.execute("SELECT * FROM t WHERE id = " + str(int(uid)))
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids)), ids)
    cur.execute(f"SELECT * FROM t WHERE id IN ({', '.join(['%s'] * len(ids))})", ids)
    msg = "Select a file from the list: %s" % name
    msg2 = f"Update the settings of {name} first"
    log = "deleted from cache: " + name
    return msg, msg2, log, sqlite3


BY_NAME = "SELECT id FROM users WHERE name = '%s'"
BY_ID = "SELECT id FROM users WHERE id = {}"


def more(cur, name, where, cols):
    cur.execute(BY_NAME % name)  # expect: KR720
    cur.execute(BY_ID.format(name))  # expect: KR720
    q = (f"SELECT {cols} "  # expect: KR720
         "FROM users")
    cur.execute(f"""
        DELETE FROM users WHERE id = 1""")
    cur.execute("select * from t where " + where)  # expect: KR720
    cur.execute(BY_ID.format(3))
    cur.execute(BY_NAME % "bob")
    cur.execute("SELECT * from t where " + where)  # expect: KR720
    return q
