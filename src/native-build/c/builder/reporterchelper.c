/*
 * Stand-in for the builder's own helper library (lib/svm/builder/lib/libreporterchelper.so), which the builder loads
 * from its java.home to print its progress: the terminal width and the builder's peak memory.
 */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass c) {
  struct winsize w;
  (void) env;
  (void) c;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) {
    return w.ws_col;
  }
  return 0; /* not a terminal: the builder falls back to its default width */
}

/* Peak resident set size of the builder JVM, in bytes (Linux reports kilobytes). */
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass c) {
  struct rusage u;
  (void) env;
  (void) c;
  if (getrusage(RUSAGE_SELF, &u) != 0) {
    return -1;
  }
  return (jlong) u.ru_maxrss * 1024;
}
