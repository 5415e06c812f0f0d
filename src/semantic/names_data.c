/* names_data.c - names as data: Python's builtins, and the public names
 * that `from M import *` binds for the modules security rules care about
 * (`from os import *` makes `system` mean os.system).
 *
 * Generated once from CPython's own modules (dir(builtins); each module's
 * __all__, else its names without a leading underscore; socket without its
 * ALL_CAPS constants), plus the builtins added after 3.11
 * (PythonFinalizationError, _IncompleteInputError). Module globals every
 * module has (__name__, __doc__, __spec__, ...) are not builtins.
 * Keep `builtin_names` sorted (bsearch). */
#include "sem_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const builtin_names[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
    "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
    "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
    "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
    "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
    "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
    "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
    "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None",
    "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning",
    "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True",
    "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
    "Warning", "ZeroDivisionError", "_IncompleteInputError", "__build_class__", "__debug__",
    "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
    "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate",
    "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
    "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next",
    "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
    "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
    "super", "tuple", "type", "vars", "zip",
};

typedef struct star_module {
    const char *module;
    const char *names; /* space-separated */
} star_module;

static const star_module star_modules[] = {
    {"builtins",
     "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup "
     "BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError "
     "ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError "
     "DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception "
     "ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError "
     "FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError "
     "IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError "
     "MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented "
     "NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError "
     "ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError "
     "RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning "
     "SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError "
     "UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError "
     "UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext "
     "any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile "
     "complex copyright credits delattr dict dir divmod enumerate eval exec exit filter "
     "float format frozenset getattr globals hasattr hash help hex id input int isinstance "
     "issubclass iter len license list locals map max memoryview min next object oct open "
     "ord pow print property quit range repr reversed round set setattr slice sorted "
     "staticmethod str sum super tuple type vars zip"},
    {"code",
     "InteractiveConsole InteractiveInterpreter compile_command interact"},
    {"ctypes",
     "ARRAY ArgumentError Array BigEndianStructure BigEndianUnion CDLL CFUNCTYPE "
     "DEFAULT_MODE LibraryLoader LittleEndianStructure LittleEndianUnion POINTER "
     "PYFUNCTYPE PyDLL RTLD_GLOBAL RTLD_LOCAL SetPointerType Structure Union addressof "
     "alignment byref c_bool c_buffer c_byte c_char c_char_p c_double c_float c_int "
     "c_int16 c_int32 c_int64 c_int8 c_long c_longdouble c_longlong c_short c_size_t "
     "c_ssize_t c_ubyte c_uint c_uint16 c_uint32 c_uint64 c_uint8 c_ulong c_ulonglong "
     "c_ushort c_void_p c_voidp c_wchar c_wchar_p cast cdll create_string_buffer "
     "create_unicode_buffer get_errno memmove memset pointer py_object pydll pythonapi "
     "resize set_errno sizeof string_at wstring_at"},
    {"ftplib",
     "FTP FTP_TLS all_errors error_perm error_proto error_reply error_temp"},
    {"hashlib",
     "algorithms_available algorithms_guaranteed blake2b blake2s file_digest md5 new "
     "pbkdf2_hmac sha1 sha224 sha256 sha384 sha3_224 sha3_256 sha3_384 sha3_512 sha512 "
     "shake_128 shake_256"},
    {"hmac",
     "HMAC compare_digest digest digest_size new trans_36 trans_5C"},
    {"http.client",
     "BadStatusLine CannotSendHeader CannotSendRequest HTTPConnection HTTPException "
     "HTTPResponse HTTPSConnection ImproperConnectionState IncompleteRead InvalidURL "
     "LineTooLong NotConnected RemoteDisconnected ResponseNotReady UnimplementedFileMode "
     "UnknownProtocol UnknownTransferEncoding error responses"},
    {"imaplib",
     "IMAP4 IMAP4_SSL IMAP4_stream Int2AP Internaldate2tuple ParseFlags Time2Internaldate"},
    {"jinja2",
     "BaseLoader BytecodeCache ChainableUndefined ChoiceLoader DebugUndefined DictLoader "
     "Environment FileSystemBytecodeCache FileSystemLoader FunctionLoader "
     "MemcachedBytecodeCache ModuleLoader PackageLoader PrefixLoader StrictUndefined "
     "Template TemplateAssertionError TemplateError TemplateNotFound TemplateRuntimeError "
     "TemplateSyntaxError TemplatesNotFound Undefined UndefinedError async_utils bccache "
     "clear_caches compiler defaults environment exceptions filters idtracking "
     "is_undefined lexer loaders make_logging_undefined nodes optimizer parser "
     "pass_context pass_environment pass_eval_context runtime select_autoescape tests "
     "utils visitor"},
    {"marshal",
     "dump dumps load loads version"},
    {"os",
     "CLD_CONTINUED CLD_DUMPED CLD_EXITED CLD_KILLED CLD_STOPPED CLD_TRAPPED DirEntry "
     "EFD_CLOEXEC EFD_NONBLOCK EFD_SEMAPHORE EX_CANTCREAT EX_CONFIG EX_DATAERR EX_IOERR "
     "EX_NOHOST EX_NOINPUT EX_NOPERM EX_NOUSER EX_OK EX_OSERR EX_OSFILE EX_PROTOCOL "
     "EX_SOFTWARE EX_TEMPFAIL EX_UNAVAILABLE EX_USAGE F_LOCK F_OK F_TEST F_TLOCK F_ULOCK "
     "GRND_NONBLOCK GRND_RANDOM MFD_ALLOW_SEALING MFD_CLOEXEC MFD_HUGETLB MFD_HUGE_16GB "
     "MFD_HUGE_16MB MFD_HUGE_1GB MFD_HUGE_1MB MFD_HUGE_256MB MFD_HUGE_2GB MFD_HUGE_2MB "
     "MFD_HUGE_32MB MFD_HUGE_512KB MFD_HUGE_512MB MFD_HUGE_64KB MFD_HUGE_8MB MFD_HUGE_MASK "
     "MFD_HUGE_SHIFT NGROUPS_MAX O_ACCMODE O_APPEND O_ASYNC O_CLOEXEC O_CREAT O_DIRECT "
     "O_DIRECTORY O_DSYNC O_EXCL O_FSYNC O_LARGEFILE O_NDELAY O_NOATIME O_NOCTTY "
     "O_NOFOLLOW O_NONBLOCK O_PATH O_RDONLY O_RDWR O_RSYNC O_SYNC O_TMPFILE O_TRUNC "
     "O_WRONLY POSIX_FADV_DONTNEED POSIX_FADV_NOREUSE POSIX_FADV_NORMAL POSIX_FADV_RANDOM "
     "POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED POSIX_SPAWN_CLOSE POSIX_SPAWN_DUP2 "
     "POSIX_SPAWN_OPEN PRIO_PGRP PRIO_PROCESS PRIO_USER P_ALL P_NOWAIT P_NOWAITO P_PGID "
     "P_PID P_PIDFD P_WAIT RTLD_DEEPBIND RTLD_GLOBAL RTLD_LAZY RTLD_LOCAL RTLD_NODELETE "
     "RTLD_NOLOAD RTLD_NOW RWF_APPEND RWF_DSYNC RWF_HIPRI RWF_NOWAIT RWF_SYNC R_OK "
     "SCHED_BATCH SCHED_FIFO SCHED_IDLE SCHED_OTHER SCHED_RESET_ON_FORK SCHED_RR SEEK_CUR "
     "SEEK_DATA SEEK_END SEEK_HOLE SEEK_SET SPLICE_F_MORE SPLICE_F_MOVE SPLICE_F_NONBLOCK "
     "ST_APPEND ST_MANDLOCK ST_NOATIME ST_NODEV ST_NODIRATIME ST_NOEXEC ST_NOSUID "
     "ST_RDONLY ST_RELATIME ST_SYNCHRONOUS ST_WRITE TMP_MAX WCONTINUED WCOREDUMP WEXITED "
     "WEXITSTATUS WIFCONTINUED WIFEXITED WIFSIGNALED WIFSTOPPED WNOHANG WNOWAIT WSTOPPED "
     "WSTOPSIG WTERMSIG WUNTRACED W_OK XATTR_CREATE XATTR_REPLACE XATTR_SIZE_MAX X_OK "
     "_exit abort access altsep chdir chmod chown chroot close closerange confstr "
     "confstr_names copy_file_range cpu_count ctermid curdir defpath device_encoding "
     "devnull dup dup2 environ environb error eventfd eventfd_read eventfd_write execl "
     "execle execlp execlpe execv execve execvp execvpe extsep fchdir fchmod fchown "
     "fdatasync fdopen fork forkpty fpathconf fsdecode fsencode fspath fstat fstatvfs "
     "fsync ftruncate fwalk get_blocking get_exec_path get_inheritable get_terminal_size "
     "getcwd getcwdb getegid getenv getenvb geteuid getgid getgrouplist getgroups "
     "getloadavg getlogin getpgid getpgrp getpid getppid getpriority getrandom getresgid "
     "getresuid getsid getuid getxattr initgroups isatty kill killpg lchown linesep link "
     "listdir listxattr lockf login_tty lseek lstat major makedev makedirs memfd_create "
     "minor mkdir mkfifo mknod name nice open openpty pardir path pathconf pathconf_names "
     "pathsep pidfd_open pipe pipe2 popen posix_fadvise posix_fallocate posix_spawn "
     "posix_spawnp pread preadv putenv pwrite pwritev read readlink readv register_at_fork "
     "remove removedirs removexattr rename renames replace rmdir scandir "
     "sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getparam "
     "sched_getscheduler sched_param sched_rr_get_interval sched_setaffinity "
     "sched_setparam sched_setscheduler sched_yield sendfile sep set_blocking "
     "set_inheritable setegid seteuid setgid setgroups setpgid setpgrp setpriority "
     "setregid setresgid setresuid setreuid setsid setuid setxattr spawnl spawnle spawnlp "
     "spawnlpe spawnv spawnve spawnvp spawnvpe splice stat stat_result statvfs "
     "statvfs_result strerror supports_bytes_environ symlink sync sysconf sysconf_names "
     "system tcgetpgrp tcsetpgrp terminal_size times times_result truncate ttyname umask "
     "uname uname_result unlink unsetenv urandom utime wait wait3 wait4 waitid "
     "waitid_result waitpid waitstatus_to_exitcode walk write writev"},
    {"pickle",
     "ADDITEMS APPEND APPENDS BINBYTES BINBYTES8 BINFLOAT BINGET BININT BININT1 BININT2 "
     "BINPERSID BINPUT BINSTRING BINUNICODE BINUNICODE8 BUILD BYTEARRAY8 DEFAULT_PROTOCOL "
     "DICT DUP EMPTY_DICT EMPTY_LIST EMPTY_SET EMPTY_TUPLE EXT1 EXT2 EXT4 FALSE FLOAT "
     "FRAME FROZENSET GET GLOBAL HIGHEST_PROTOCOL INST INT LIST LONG LONG1 LONG4 "
     "LONG_BINGET LONG_BINPUT MARK MEMOIZE NEWFALSE NEWOBJ NEWOBJ_EX NEWTRUE NEXT_BUFFER "
     "NONE OBJ PERSID POP POP_MARK PROTO PUT PickleBuffer PickleError Pickler "
     "PicklingError READONLY_BUFFER REDUCE SETITEM SETITEMS SHORT_BINBYTES SHORT_BINSTRING "
     "SHORT_BINUNICODE STACK_GLOBAL STOP STRING TRUE TUPLE TUPLE1 TUPLE2 TUPLE3 UNICODE "
     "Unpickler UnpicklingError dump dumps load loads"},
    {"poplib",
     "POP3 POP3_SSL error_proto"},
    {"random",
     "Random SystemRandom betavariate choice choices expovariate gammavariate gauss "
     "getrandbits getstate lognormvariate normalvariate paretovariate randbytes randint "
     "random randrange sample seed setstate shuffle triangular uniform vonmisesvariate "
     "weibullvariate"},
    {"requests",
     "ConnectTimeout ConnectionError HTTPError JSONDecodeError PreparedRequest ReadTimeout "
     "Request RequestException Response Session Timeout TooManyRedirects URLRequired codes "
     "delete get head options packages patch post put request session utils"},
    {"shelve",
     "BsdDbShelf DbfilenameShelf Shelf open"},
    {"shutil",
     "Error ExecError SameFileError SpecialFileError chown copy copy2 copyfile copyfileobj "
     "copymode copystat copytree disk_usage get_archive_formats get_terminal_size "
     "get_unpack_formats ignore_patterns make_archive move register_archive_format "
     "register_unpack_format rmtree unpack_archive unregister_archive_format "
     "unregister_unpack_format which"},
    {"smtplib",
     "SMTP SMTPAuthenticationError SMTPConnectError SMTPDataError SMTPException "
     "SMTPHeloError SMTPNotSupportedError SMTPRecipientsRefused SMTPResponseException "
     "SMTPSenderRefused SMTPServerDisconnected SMTP_SSL quoteaddr quotedata"},
    {"socket",
     "AF_DECnet AddressFamily SocketKind SocketType close create_connection create_server "
     "dup error fromfd gaierror getaddrinfo getdefaulttimeout getfqdn gethostbyaddr "
     "gethostbyname gethostbyname_ex gethostname getnameinfo getprotobyname getservbyname "
     "getservbyport has_dualstack_ipv6 has_ipv6 herror htonl htons if_indextoname "
     "if_nameindex if_nametoindex inet_aton inet_ntoa inet_ntop inet_pton ntohl ntohs "
     "recv_fds send_fds setdefaulttimeout sethostname socket socketpair timeout"},
    {"ssl",
     "ALERT_DESCRIPTION_ACCESS_DENIED ALERT_DESCRIPTION_BAD_CERTIFICATE "
     "ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE "
     "ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE ALERT_DESCRIPTION_BAD_RECORD_MAC "
     "ALERT_DESCRIPTION_CERTIFICATE_EXPIRED ALERT_DESCRIPTION_CERTIFICATE_REVOKED "
     "ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE "
     "ALERT_DESCRIPTION_CLOSE_NOTIFY ALERT_DESCRIPTION_DECODE_ERROR "
     "ALERT_DESCRIPTION_DECOMPRESSION_FAILURE ALERT_DESCRIPTION_DECRYPT_ERROR "
     "ALERT_DESCRIPTION_HANDSHAKE_FAILURE ALERT_DESCRIPTION_ILLEGAL_PARAMETER "
     "ALERT_DESCRIPTION_INSUFFICIENT_SECURITY ALERT_DESCRIPTION_INTERNAL_ERROR "
     "ALERT_DESCRIPTION_NO_RENEGOTIATION ALERT_DESCRIPTION_PROTOCOL_VERSION "
     "ALERT_DESCRIPTION_RECORD_OVERFLOW ALERT_DESCRIPTION_UNEXPECTED_MESSAGE "
     "ALERT_DESCRIPTION_UNKNOWN_CA ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY "
     "ALERT_DESCRIPTION_UNRECOGNIZED_NAME ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE "
     "ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION ALERT_DESCRIPTION_USER_CANCELLED "
     "AlertDescription CERT_NONE CERT_OPTIONAL CERT_REQUIRED CHANNEL_BINDING_TYPES "
     "CertificateError DER_cert_to_PEM_cert DefaultVerifyPaths HAS_ALPN HAS_ECDH "
     "HAS_NEVER_CHECK_COMMON_NAME HAS_NPN HAS_SNI HAS_SSLv2 HAS_SSLv3 HAS_TLSv1 "
     "HAS_TLSv1_1 HAS_TLSv1_2 HAS_TLSv1_3 MemoryBIO OPENSSL_VERSION OPENSSL_VERSION_INFO "
     "OPENSSL_VERSION_NUMBER OP_ALL OP_CIPHER_SERVER_PREFERENCE OP_ENABLE_MIDDLEBOX_COMPAT "
     "OP_IGNORE_UNEXPECTED_EOF OP_NO_COMPRESSION OP_NO_RENEGOTIATION OP_NO_SSLv2 "
     "OP_NO_SSLv3 OP_NO_TICKET OP_NO_TLSv1 OP_NO_TLSv1_1 OP_NO_TLSv1_2 OP_NO_TLSv1_3 "
     "OP_SINGLE_DH_USE OP_SINGLE_ECDH_USE Options PEM_FOOTER PEM_HEADER "
     "PEM_cert_to_DER_cert PROTOCOL_SSLv23 PROTOCOL_TLS PROTOCOL_TLS_CLIENT "
     "PROTOCOL_TLS_SERVER PROTOCOL_TLSv1 PROTOCOL_TLSv1_1 PROTOCOL_TLSv1_2 Purpose "
     "RAND_add RAND_bytes RAND_pseudo_bytes RAND_status SOCK_STREAM SOL_SOCKET SO_TYPE "
     "SSLCertVerificationError SSLContext SSLEOFError SSLError SSLErrorNumber SSLObject "
     "SSLSession SSLSocket SSLSyscallError SSLWantReadError SSLWantWriteError "
     "SSLZeroReturnError SSL_ERROR_EOF SSL_ERROR_INVALID_ERROR_CODE SSL_ERROR_SSL "
     "SSL_ERROR_SYSCALL SSL_ERROR_WANT_CONNECT SSL_ERROR_WANT_READ SSL_ERROR_WANT_WRITE "
     "SSL_ERROR_WANT_X509_LOOKUP SSL_ERROR_ZERO_RETURN TLSVersion VERIFY_ALLOW_PROXY_CERTS "
     "VERIFY_CRL_CHECK_CHAIN VERIFY_CRL_CHECK_LEAF VERIFY_DEFAULT "
     "VERIFY_X509_PARTIAL_CHAIN VERIFY_X509_STRICT VERIFY_X509_TRUSTED_FIRST VerifyFlags "
     "VerifyMode base64 cert_time_to_seconds create_connection create_default_context "
     "errno get_default_verify_paths get_protocol_name get_server_certificate "
     "match_hostname namedtuple os socket socket_error sys warnings wrap_socket"},
    {"subprocess",
     "CalledProcessError CompletedProcess DEVNULL PIPE Popen STDOUT SubprocessError "
     "TimeoutExpired call check_call check_output getoutput getstatusoutput run"},
    {"sys",
     "abiflags addaudithook api_version argv audit base_exec_prefix base_prefix "
     "breakpointhook builtin_module_names byteorder call_tracing copyright displayhook "
     "dont_write_bytecode exc_info excepthook exception exec_prefix executable exit flags "
     "float_info float_repr_style get_asyncgen_hooks get_coroutine_origin_tracking_depth "
     "get_int_max_str_digits getallocatedblocks getdefaultencoding getdlopenflags "
     "getfilesystemencodeerrors getfilesystemencoding getprofile getrecursionlimit "
     "getrefcount getsizeof getswitchinterval gettrace hash_info hexversion implementation "
     "int_info intern is_finalizing maxsize maxunicode meta_path modules orig_argv path "
     "path_hooks path_importer_cache platform platlibdir prefix pycache_prefix "
     "set_asyncgen_hooks set_coroutine_origin_tracking_depth set_int_max_str_digits "
     "setdlopenflags setprofile setrecursionlimit setswitchinterval settrace stderr stdin "
     "stdlib_module_names stdout thread_info unraisablehook version version_info "
     "warnoptions"},
    {"tarfile",
     "CompressionError DEFAULT_FORMAT ENCODING ExtractError GNU_FORMAT HeaderError "
     "PAX_FORMAT ReadError StreamError TarError TarFile TarInfo USTAR_FORMAT is_tarfile "
     "open"},
    {"telnetlib",
     "Telnet"},
    {"tempfile",
     "NamedTemporaryFile SpooledTemporaryFile TMP_MAX TemporaryDirectory TemporaryFile "
     "gettempdir gettempdirb gettempprefix gettempprefixb mkdtemp mkstemp mktemp tempdir"},
    {"urllib.parse",
     "DefragResult DefragResultBytes ParseResult ParseResultBytes SplitResult "
     "SplitResultBytes parse_qs parse_qsl quote quote_from_bytes quote_plus unquote "
     "unquote_plus unquote_to_bytes urldefrag urlencode urljoin urlparse urlsplit "
     "urlunparse urlunsplit"},
    {"urllib.request",
     "AbstractBasicAuthHandler AbstractDigestAuthHandler BaseHandler CacheFTPHandler "
     "DataHandler FTPHandler FancyURLopener FileHandler HTTPBasicAuthHandler "
     "HTTPCookieProcessor HTTPDefaultErrorHandler HTTPDigestAuthHandler HTTPErrorProcessor "
     "HTTPHandler HTTPPasswordMgr HTTPPasswordMgrWithDefaultRealm "
     "HTTPPasswordMgrWithPriorAuth HTTPRedirectHandler HTTPSHandler OpenerDirector "
     "ProxyBasicAuthHandler ProxyDigestAuthHandler ProxyHandler Request URLopener "
     "UnknownHandler build_opener getproxies install_opener pathname2url url2pathname "
     "urlcleanup urlopen urlretrieve"},
    {"xml.dom.minidom",
     "Attr AttributeList CDATASection CharacterData Childless Comment DOMImplementation "
     "DOMImplementationLS Document DocumentFragment DocumentLS DocumentType "
     "EMPTY_NAMESPACE EMPTY_PREFIX Element ElementInfo EmptyNodeList Entity Identified "
     "NamedNodeMap Node NodeList Notation ProcessingInstruction "
     "ReadOnlySequentialNamedNodeMap StringTypes Text TypeInfo XMLNS_NAMESPACE defproperty "
     "domreg getDOMImplementation io parse parseString xml"},
    {"xml.dom.pulldom",
     "CHARACTERS COMMENT DOMEventStream END_DOCUMENT END_ELEMENT ErrorHandler "
     "IGNORABLE_WHITESPACE PROCESSING_INSTRUCTION PullDOM SAX2DOM START_DOCUMENT "
     "START_ELEMENT default_bufsize parse parseString xml"},
    {"xml.etree.ElementTree",
     "C14NWriterTarget Comment Element ElementTree PI ParseError ProcessingInstruction "
     "QName SubElement TreeBuilder VERSION XML XMLID XMLParser XMLPullParser canonicalize "
     "dump fromstring fromstringlist indent iselement iterparse parse register_namespace "
     "tostring tostringlist"},
    {"xml.sax",
     "ContentHandler ErrorHandler InputSource SAXException SAXNotRecognizedException "
     "SAXNotSupportedException SAXParseException SAXReaderNotAvailable default_parser_list "
     "handler make_parser parse parseString xmlreader"},
    {"xmlrpc.client",
     "APPLICATION_ERROR Binary Boolean BytesIO DateTime Decimal Error ExpatParser "
     "FastMarshaller FastParser FastUnmarshaller Fault GzipDecodedResponse INTERNAL_ERROR "
     "INVALID_ENCODING_CHAR INVALID_METHOD_PARAMS INVALID_XMLRPC MAXINT METHOD_NOT_FOUND "
     "MININT Marshaller MultiCall MultiCallIterator NOT_WELLFORMED_ERROR PARSE_ERROR "
     "ProtocolError ResponseError SERVER_ERROR SYSTEM_ERROR SafeTransport Server "
     "ServerProxy TRANSPORT_ERROR Transport UNSUPPORTED_ENCODING Unmarshaller WRAPPERS "
     "base64 boolean datetime dumps errno escape expat getparser gzip gzip_decode "
     "gzip_encode http loads sys time urllib"},
    {"xmlrpc.server",
     "BaseHTTPRequestHandler CGIXMLRPCRequestHandler DocCGIXMLRPCRequestHandler "
     "DocXMLRPCRequestHandler DocXMLRPCServer Fault MultiPathXMLRPCServer ServerHTMLDoc "
     "SimpleXMLRPCDispatcher SimpleXMLRPCRequestHandler SimpleXMLRPCServer "
     "XMLRPCDocGenerator dumps fcntl gzip_decode gzip_encode html http list_public_methods "
     "loads os partial pydoc re resolve_dotted_attribute signature socketserver sys "
     "traceback"},
    {"yaml",
     "AliasEvent AliasToken AnchorToken BaseDumper BaseLoader BlockEndToken "
     "BlockEntryToken BlockMappingStartToken BlockSequenceStartToken CBaseDumper "
     "CBaseLoader CDumper CFullLoader CLoader CSafeDumper CSafeLoader CUnsafeLoader "
     "CollectionEndEvent CollectionNode CollectionStartEvent DirectiveToken "
     "DocumentEndEvent DocumentEndToken DocumentStartEvent DocumentStartToken Dumper Event "
     "FlowEntryToken FlowMappingEndToken FlowMappingStartToken FlowSequenceEndToken "
     "FlowSequenceStartToken FullLoader KeyToken Loader MappingEndEvent MappingNode "
     "MappingStartEvent Mark MarkedYAMLError Node NodeEvent SafeDumper SafeLoader "
     "ScalarEvent ScalarNode ScalarToken SequenceEndEvent SequenceNode SequenceStartEvent "
     "StreamEndEvent StreamEndToken StreamStartEvent StreamStartToken TagToken Token "
     "UnsafeLoader ValueToken YAMLError YAMLObject YAMLObjectMetaclass add_constructor "
     "add_implicit_resolver add_multi_constructor add_multi_representer add_path_resolver "
     "add_representer compose compose_all composer constructor cyaml dump dump_all dumper "
     "emit emitter error events full_load full_load_all io load load_all loader nodes "
     "parse parser reader representer resolver safe_dump safe_dump_all safe_load "
     "safe_load_all scan scanner serialize serialize_all serializer tokens unsafe_load "
     "unsafe_load_all warnings"},
    {"zipfile",
     "BadZipFile BadZipfile LargeZipFile Path PyZipFile ZIP_BZIP2 ZIP_DEFLATED ZIP_LZMA "
     "ZIP_STORED ZipFile ZipInfo error is_zipfile"},
};

static int cmp_name(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

int sem_is_builtin(const char *name)
{
    return bsearch(name, builtin_names, sizeof builtin_names / sizeof builtin_names[0],
                   sizeof builtin_names[0], cmp_name) != NULL;
}

const char *sem_star_names(const char *module)
{
    for (size_t i = 0; i < sizeof star_modules / sizeof star_modules[0]; i++)
        if (strcmp(star_modules[i].module, module) == 0)
            return star_modules[i].names;
    return NULL;
}
