/*
 * Stand-ins for Substrate VM's fixed-argument wrappers around variadic libc functions. Java code cannot call a C
 * variadic function directly, so Substrate VM declares a fixed signature under a suffixed name (the suffix names the
 * fixed arguments' types) and its C helper library forwards the call. The signatures below are the ones the svm 25.0.4 jar's @CFunction declarations use
 * (Fcntl.NoTransitions.open / openat, PosixVMThreads.fprintfSD, LinuxLibCHelper.NoTransitions.mremapP).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>

int openSII(const char *path, int flags, int mode) {
  return open(path, flags, mode);
}

int openatISII(int dirfd, const char *path, int flags, int mode) {
  return openat(dirfd, path, flags, mode);
}

/* Used only to print the fatal-error line (a format with one string and one int). */
int fprintfSD(FILE *stream, const char *format, const char *text, int number) {
  return fprintf(stream, format, text, number);
}

void *mremapP(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address) {
  return mremap(old_address, old_size, new_size, flags, new_address);
}
