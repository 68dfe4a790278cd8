// The system's zlib (zlib1g-dev), to inflate the deflated entries of a real .zip that
// `aws lambda update-function-code --zip-file fileb://…` uploads: a few calls instead of a
// hand-written inflater.
#include <zlib.h>
