# A loader passed as a value (REF rows) is reported where it escapes; its
# calls are reported too, wherever they happen.
import marshal
import pickle  # expect: KR303
from pickle import loads  # expect: KR303

blobs = []
objs = list(map(pickle.loads, blobs))  # expect: KR301
decode = pickle.loads  # expect: KR301
decode(b"")  # expect: KR301
pickle.loads(b"")  # expect: KR301
loader = loads  # expect: KR301
codes = [marshal.loads]  # expect: KR302

# Reading an attribute off the function does not pass it on.
print(pickle.loads.__doc__)
# A method of that name on something else is not pickle's.
class Store:
    loads = None


Store.loads
