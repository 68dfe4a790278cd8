// The system's OpenSSL libcrypto (libssl-dev), for SHA-256 and MD5 with the CPU's SHA
// extensions: a deploy hashes a whole node_modules folder, and libcrypto does it about ten
// times faster than portable Swift. Only the non-deprecated EVP interface is used.
#include <openssl/evp.h>
