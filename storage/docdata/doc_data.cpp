#include "docdata/doc_data.h"

#include "docdata/docdata_dictionary.h"
#include "docdata/scsu.h"

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>
// For ZSTD_createDDict_byReference: "static linking only" as its signature
// might change between zstd versions, but it has not since zstd 1.0, and the
// header and library come from the same Debian package.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <stdexcept>

namespace newsdex {
namespace {

// The first byte of each format; the legacy format is a JSON object and
// starts with '{'.
constexpr char kScsuFormat = '\x01';
constexpr char kDictionaryFormat = '\x02';
static_assert(kDictionaryFormat == kDocDataFormat, "the format written is the one reported");
// Ends format 1's metadata. Dumped JSON never holds a raw NUL: nlohmann
// escapes every control character inside strings.
constexpr char kEndOfMetadata = '\0';
// Level 9 saves another 1-2% of the dev articles' data at twice the time;
// level 6 takes about what glass's deflate took.
constexpr int kLevel = 6;
// Four times the largest article the indexer reads (ingest.cpp), metadata
// included: a frame claiming more is damaged, and is not given the memory.
constexpr unsigned long long kMaxBodyBytes = 256ull << 20;

nlohmann::json metadata(const Article& a) {
    return {{"id", a.id},         {"path", a.path},         {"member", a.member}, {"line", a.line},
            {"author", a.author}, {"encoding", a.encoding}, {"url", a.url},       {"title", a.title},
            {"date", a.date},     {"source", a.source},     {"topic", a.topic},   {"tags", a.tags}};
}

}  // namespace

std::string docdata_body(const Article& a) {
    // Replacement rather than an exception: the analyzer already accepted
    // this text, invalid bytes and all (append_scsu replaces the same way).
    const std::string fields = metadata(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string body;
    // SCSU hardly ever takes more bytes than UTF-8 (Russian takes half).
    body.reserve(fields.size() + a.text.size() + 32);
    body += fields;
    body += kEndOfMetadata;
    append_scsu(a.text, body);
    return body;
}

namespace {

// Every field the object has; "text" only in the legacy format.
Article from_json(const nlohmann::json& j) {
    Article a;
    if (!j.is_object()) return a;
    a.id = j.value("id", "");
    a.path = j.value("path", "");
    a.member = j.value("member", "");
    a.line = j.value("line", int64_t{0});
    a.author = j.value("author", "");
    a.encoding = j.value("encoding", "");
    a.url = j.value("url", "");
    a.title = j.value("title", "");
    a.date = j.value("date", "");
    a.source = j.value("source", "");
    a.topic = j.value("topic", "");
    a.tags = j.value("tags", std::vector<std::string>{});
    a.text = j.value("text", "");
    return a;
}

// Damaged data reads as an empty article, as unparsable JSON always has.
// `utf16`, if given, gets the text as UTF-16 (scsu_to_utf8).
Article decode_scsu_body(std::string_view body, DocDataDecoder::Text text, std::u16string* utf16) {
    const std::size_t end = body.find(kEndOfMetadata);
    if (end == std::string::npos) return Article{};
    const auto fields = nlohmann::json::parse(body.data(), body.data() + end, nullptr, false);
    if (!fields.is_object()) return Article{};
    Article a = from_json(fields);
    const std::string_view scsu = body.substr(end + 1);
    if (text == DocDataDecoder::Text::Include) a.text = utf16 ? scsu_to_utf8(scsu, *utf16) : scsu_to_utf8(scsu);
    if (text == DocDataDecoder::Text::Utf16Only && utf16) *utf16 = scsu_to_utf16(scsu);
    return a;
}

struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};
struct DDictFree {
    void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};

// Parsing the dictionary's entropy tables is worth doing once a process;
// zstd only reads a DDict, so threads share it. By reference: a copy of the
// built-in dictionary would cost a query 64 more page faults.
const ZSTD_DDict& decompression_dictionary() {
    static const std::unique_ptr<ZSTD_DDict, DDictFree> dictionary = [] {
        const std::string_view d = docdata_dictionary();
        std::unique_ptr<ZSTD_DDict, DDictFree> prepared(ZSTD_createDDict_byReference(d.data(), d.size()));
        if (!prepared) throw std::bad_alloc();
        return prepared;
    }();
    return *dictionary;
}

}  // namespace

struct DocDataEncoder::State {
    ZSTD_CCtx* context = nullptr;
    ZSTD_CDict* dictionary = nullptr;
    ~State() {
        ZSTD_freeCDict(dictionary);
        ZSTD_freeCCtx(context);
    }
};

DocDataEncoder::DocDataEncoder() = default;

// Preparing the dictionary takes a few MB and milliseconds: only once there
// is something to write (a rerun with nothing new has not).
void DocDataEncoder::prepare() {
    auto state = std::make_unique<State>();
    const std::string_view dictionary = docdata_dictionary();
    state->context = ZSTD_createCCtx();
    state->dictionary = ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
    if (!state->context || !state->dictionary) throw std::bad_alloc();
    // The format byte says which dictionary: its id in every frame would
    // only take four bytes.
    if (ZSTD_isError(ZSTD_CCtx_refCDict(state->context, state->dictionary)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(state->context, ZSTD_c_dictIDFlag, 0)))
        throw std::runtime_error("zstd: cannot set up document data compression");
    state_ = std::move(state);
}

DocDataEncoder::~DocDataEncoder() = default;

std::string DocDataEncoder::encode(const Article& a) {
    if (!state_) prepare();
    const std::string body = docdata_body(a);
    std::string data(1 + ZSTD_compressBound(body.size()), '\0');
    data[0] = kDictionaryFormat;
    const std::size_t size = ZSTD_compress2(state_->context, data.data() + 1, data.size() - 1, body.data(), body.size());
    if (ZSTD_isError(size)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(size));
    data.resize(1 + size);
    return data;
}

std::string encode_doc_data(const Article& article) {
    DocDataEncoder encoder;
    return encoder.encode(article);
}

struct DocDataDecoder::State {
    std::unique_ptr<ZSTD_DCtx, DCtxFree> context;
};

DocDataDecoder::DocDataDecoder() = default;
DocDataDecoder::~DocDataDecoder() = default;

Article DocDataDecoder::decode(const std::string& data, Text text) { return decode(data, text, nullptr); }

Article DocDataDecoder::decode(const std::string& data, std::u16string& utf16, Text text) {
    utf16.clear();
    Article a = decode(data, text, &utf16);
    // The legacy format, or damaged data: the text was never UTF-16 here.
    if (utf16.empty() && !a.text.empty()) {
        const icu::UnicodeString converted = icu::UnicodeString::fromUTF8(a.text);
        utf16.assign(converted.getBuffer(), static_cast<std::size_t>(converted.length()));
    }
    if (text == Text::Utf16Only) a.text.clear();
    return a;
}

Article DocDataDecoder::decode(const std::string& data, Text text, std::u16string* utf16) {
    if (data.empty()) return Article{};
    const std::string_view rest = std::string_view(data).substr(1);
    if (data.front() == kDictionaryFormat) return decode_dictionary_format(rest, text, utf16);
    if (data.front() == kScsuFormat) return decode_scsu_body(rest, text, utf16);
    return from_json(nlohmann::json::parse(data, nullptr, false));
}

Article DocDataDecoder::decode_dictionary_format(std::string_view frame, Text text, std::u16string* utf16) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxBodyBytes) return Article{};
    if (!state_) {
        state_ = std::make_unique<State>();
        state_->context.reset(ZSTD_createDCtx());
        if (!state_->context) throw std::bad_alloc();
    }
    std::string body(size, '\0');
    const std::size_t written = ZSTD_decompress_usingDDict(state_->context.get(), body.data(), body.size(),
                                                           frame.data(), frame.size(), &decompression_dictionary());
    if (ZSTD_isError(written) || written != size) return Article{};
    return decode_scsu_body(body, text, utf16);
}

Article decode_doc_data(const std::string& data) {
    DocDataDecoder decoder;
    return decoder.decode(data);
}

}  // namespace newsdex
