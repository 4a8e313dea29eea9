/*
 * Tests of the C stand-ins (bin/native-build --self-test compiles this with the stand-ins of src/native-build/c): what the image
 * reads from them at start-up and when a signal arrives.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

int cSunMiscSignal_open(void);
int cSunMiscSignal_awaitSemaphore(void);
int cSunMiscSignal_checkPendingSignal(void);
void *cSunMiscSignal_signalHandlerFunctionPointer(void);
char *SVM_FindJavaTZmd(const char *tzMappings, int length);
int JVM_ActiveProcessorCount(void);

static int failures = 0;

static void check(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "FAILED: %s\n", what);
    failures++;
  }
}

int main(void) {
  CPUFeatures f;
  determineCPUFeatures(&f);
  __builtin_cpu_init();
  check(f.fSSE2 == 1, "SSE2, part of the x86-64 base, is reported");
  /* Every flag is 0 or 1 and matches the CPU: a bit mask narrowed to a char would read 0 for most of them. */
  check(f.fAVX2 == (__builtin_cpu_supports("avx2") != 0), "AVX2 as the CPU has it");
  check(f.fBMI2 == (__builtin_cpu_supports("bmi2") != 0), "BMI2 as the CPU has it");
  check(f.fPOPCNT == (__builtin_cpu_supports("popcnt") != 0), "POPCNT as the CPU has it");
  check(checkCPUFeatures(NULL) == 0, "no CPU is refused");

  setenv("TZ", ":Asia/Shanghai", 1);
  char *tz = SVM_FindJavaTZmd(NULL, 0);
  check(tz != NULL && strcmp(tz, "Asia/Shanghai") == 0, "the time zone comes from $TZ, without its colon");
  unsetenv("TZ");
  tz = SVM_FindJavaTZmd(NULL, 0);
  check(tz == NULL || strlen(tz) > 0, "without $TZ: the system's zone or none");

  setenv("LC_ALL", "C", 1);
  check(svm_initialize_locale() == SVM_LOCALE_INITIALIZATION_SUCCEEDED, "the locale initialises");
  check(strcmp(svm_get_locale()->format_language, "en") == 0, "the C locale reads as English");
  check(strcmp(svm_get_locale()->display_country, "US") == 0, "... in the US, as the JDK reads it");

  check(JVM_ActiveProcessorCount() >= 1, "at least one processor");

  check(cSunMiscSignal_open() == 0, "the signal semaphore opens");
  check(cSunMiscSignal_checkPendingSignal() == -1, "no signal pending at first");
  signal(SIGUSR1, (void (*)(int)) cSunMiscSignal_signalHandlerFunctionPointer());
  raise(SIGUSR1);
  raise(SIGUSR1);
  check(cSunMiscSignal_awaitSemaphore() == 0, "a raised signal wakes the dispatcher");
  check(cSunMiscSignal_checkPendingSignal() == SIGUSR1, "the raised signal is pending");
  check(cSunMiscSignal_checkPendingSignal() == SIGUSR1, "twice raised, twice delivered");
  check(cSunMiscSignal_checkPendingSignal() == -1, "then none");

  if (failures == 0) {
    printf("standins_test: ok\n");
  }
  return failures == 0 ? 0 : 1;
}
