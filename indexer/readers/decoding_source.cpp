#include "readers/decoding_source.h"

#include "base/errors.h"

namespace newsdex {

DecodingSource::DecodingSource(ByteSource& input, const std::string& encoding)
    : input_(input), in_(1 << 16), pivot_(1 << 12) {
    UErrorCode status = U_ZERO_ERROR;
    from_.reset(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status)) throw InputError("unknown encoding '" + encoding + "'");
    to_utf8_.reset(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) throw InputError("ICU has no UTF-8 converter");
    in_begin_ = in_end_ = in_.data();
    pivot_source_ = pivot_target_ = pivot_.data();
}

std::size_t DecodingSource::read(char* buffer, std::size_t size) {
    char* target = buffer;
    char* const target_end = buffer + size;
    while (target == buffer && !flushed_) {
        if (in_begin_ == in_end_ && !input_done_) {
            const std::size_t n = input_.read(in_.data(), in_.size());
            in_begin_ = in_.data();
            in_end_ = in_.data() + n;
            input_done_ = n == 0;
        }
        UErrorCode status = U_ZERO_ERROR;
        ucnv_convertEx(to_utf8_.get(), from_.get(), &target, target_end, &in_begin_, in_end_, pivot_.data(),
                       &pivot_source_, &pivot_target_, pivot_.data() + pivot_.size(), false, input_done_, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) break;  // caller's buffer is full
        if (U_FAILURE(status)) throw InputError(std::string("cannot convert text: ") + u_errorName(status));
        if (input_done_ && in_begin_ == in_end_) flushed_ = true;
    }
    return static_cast<std::size_t>(target - buffer);
}

}  // namespace newsdex
