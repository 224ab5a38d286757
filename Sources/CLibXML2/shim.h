// The parts of libxml2 the service uses. Debian's headers pull in ICU, whose declarations clash with
// Foundation's own ICU module, so ICU support is undeclared before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>

// `xmlFree` is a mutable global function pointer, which Swift 6 refuses to call directly.
static inline void strategy_xml_free(void *pointer) { xmlFree(pointer); }

// Refuses every external entity, DTD or schema include the parser might try to load: nothing is ever read
// from a file or the network on behalf of a document.
static inline xmlParserInputPtr strategy_refuse_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static inline void strategy_install_entity_loader(void) { xmlSetExternalEntityLoader(strategy_refuse_entity); }

// Keeps libxml2 from printing parse errors to standard error; errors are read from the parser context instead.
static inline void strategy_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }

static inline void strategy_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, strategy_ignore_error);
}
