/*
 * Stand-ins for Substrate VM's small C helper library (liblibchelper.a), which no package registry serves: CPU
 * feature detection and the start-up locale. Only what the image calls is here; each function says how it differs
 * from the real one.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

/*
 * The CPU features the image may use. GCC's __builtin_cpu_supports answers from CPUID; features it cannot name stay
 * 0, so the image only ever takes its baseline (non-vectorised) paths for them. The x86-64 base features are always
 * present.
 */
/* The builtin answers a bit mask, not 0/1: narrowing it to a char flag would lose every bit above 7. */
#define HAS(feature) (__builtin_cpu_supports(feature) != 0)

void determineCPUFeatures(CPUFeatures *f) {
  memset(f, 0, sizeof(*f));
  __builtin_cpu_init();
  f->fCX8 = f->fCMOV = f->fFXSR = f->fMMX = f->fSSE = f->fSSE2 = f->fTSC = 1;
  f->fSSE3 = HAS("sse3");
  f->fSSSE3 = HAS("ssse3");
  f->fSSE4_1 = HAS("sse4.1");
  f->fSSE4_2 = HAS("sse4.2");
  f->fPOPCNT = HAS("popcnt");
  f->fAVX = HAS("avx");
  f->fAVX2 = HAS("avx2");
  f->fBMI1 = HAS("bmi");
  f->fBMI2 = HAS("bmi2");
  f->fFMA = HAS("fma");
  f->fAES = HAS("aes");
  f->fCLMUL = HAS("pclmul");
  f->fLZCNT = HAS("abm");
}

/*
 * The real functions compare the features the image was compiled for with the host's and refuse to start on an older
 * CPU. Built with -march=compatibility (bin/native-build does), the image needs only the x86-64 base, which every
 * host has: nothing to refuse.
 */
int checkCPUFeatures(uint8_t *buildtimeFeatures) {
  (void) buildtimeFeatures;
  return 0;
}

int checkCPUFeaturesOrExit(uint8_t *buildtimeFeatures, const char *errorMessage) {
  (void) buildtimeFeatures;
  (void) errorMessage;
  return 0;
}

static svm_locale_props_t props;

/* "ll_CC.charset@variant" into language and country (script and variant stay empty), "C"/"POSIX" read as en_US. */
static void parse(const char *name, char **language, char **country, char **variant) {
  char buf[128];
  if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
    name = "en_US";
  }
  strncpy(buf, name, sizeof(buf) - 1);
  buf[sizeof(buf) - 1] = 0;
  char *at = strchr(buf, '@');
  if (at) *at = 0;
  char *dot = strchr(buf, '.');
  if (dot) *dot = 0;
  char *us = strchr(buf, '_');
  if (us) {
    *us = 0;
    *country = strdup(us + 1);
  } else {
    *country = strdup("");
  }
  *language = strdup(buf);
  *variant = strdup("");
}

int svm_initialize_locale(void) {
  setlocale(LC_ALL, "");
  parse(setlocale(LC_MESSAGES, NULL), &props.display_language, &props.display_country, &props.display_variant);
  parse(setlocale(LC_CTYPE, NULL), &props.format_language, &props.format_country, &props.format_variant);
  props.display_script = strdup("");
  props.format_script = strdup("");
  if (!props.display_language || !props.format_language) {
    return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
  }
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) {
  return &props;
}

/* ---- Process environment and threads ---- */

extern char **environ;

char **getEnviron(void) {
  return environ;
}
