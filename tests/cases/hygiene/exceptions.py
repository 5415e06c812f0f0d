# hygiene family: silenced exceptions.
import logging


def handlers(items, risky):
    try:
        risky()
    except:  # expect: KR910
        pass
    try:
        risky()
    except Exception:  # expect: KR910
        pass
    try:
        risky()
    except BaseException as exc:  # expect: KR910
        pass
    for it in items:
        try:
            risky(it)
        except Exception:  # expect: KR912
            continue
    try:
        risky()
    except KeyError:
        pass
    try:
        risky()
    except (ValueError, TypeError):
        pass
    try:
        risky()
    except Exception:
        logging.exception("risky failed")
    for it in items:
        try:
            risky(it)
        except Exception:
            logging.warning("skip %s", it)
            continue


def shadowed(risky):
    Exception = KeyError
    try:
        risky()
    except Exception:
        pass
