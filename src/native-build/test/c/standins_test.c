/*
 * Tests of the C stand-ins (bin/native-build --self-test compiles this with the stand-ins of src/native-build/c): what the image
 * reads from them at start-up and when a signal arrives.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amd64cpufeatures.h"
#include "svm_locale.h"

int cSunMiscSignal_open(void);
int cSunMiscSignal_awaitSemaphore(void);
int cSunMiscSignal_checkPendingSignal(void);
void *cSunMiscSignal_signalHandlerFunctionPointer(void);
char *SVM_FindJavaTZmd(const char *tzMappings, int length);
int JVM_ActiveProcessorCount(void);
int openSII(const char *path, int flags, int mode);
int fprintfSD(FILE *stream, const char *format, const char *text, int number);
void *mremapP(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address);
int JNI_OnLoad_fdlibm(void *vm, void *reserved);
int JNI_OnLoad_sctp(void *vm, void *reserved);

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

  char path[] = "/tmp/standins_testXXXXXX";
  int fd = mkstemp(path);
  close(fd);
  unlink(path);
  umask(022);
  fd = openSII(path, O_CREAT | O_WRONLY | O_EXCL, 0640);
  struct stat st;
  check(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0640, "open passes the mode on");
  FILE *out = fdopen(fd, "w");
  check(fprintfSD(out, "%s %d\n", "exit code", 7) == 12, "fprintf gets the string and the int");
  fclose(out);
  char line[32] = {0};
  FILE *in = fopen(path, "r");
  check(in != NULL && fgets(line, sizeof line, in) != NULL && strcmp(line, "exit code 7\n") == 0, "... in order");
  if (in != NULL) fclose(in);
  unlink(path);

  long page = sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  p[0] = 42;
  char *q = mremapP(p, page, 4 * page, MREMAP_MAYMOVE, NULL);
  check(q != MAP_FAILED && q[0] == 42, "mremap grows a mapping and keeps its content");
  if (q != MAP_FAILED) munmap(q, 4 * page);

  /* bin/native-build runs this with old_jni_library.c built as libfdlibm.so on LD_LIBRARY_PATH. */
  check(JNI_OnLoad_fdlibm(NULL, NULL) == 0x00010008,
        "a library asking for JNI 1.2 is reported as JNI 1.8, as a statically linked one must be");
  check(JNI_OnLoad_sctp(NULL, NULL) == 0x00010008, "a library that is not there needs nothing: JNI 1.8");

  if (failures == 0) {
    printf("standins_test: ok\n");
  }
  return failures == 0 ? 0 : 1;
}
