/*
 * Stand-ins for the parts of Substrate VM's libjvm.a and of the JDK's static libraries that the image names: its
 * start-up hook, the processor count, the time zone lookup, and the JNI_OnLoad_<lib> entry points of statically
 * linked JDK libraries. The JDK's libraries are shared here (see the ld scripts bin/native-build writes), so each
 * JNI_OnLoad_<lib> runs that shared library's own JNI_OnLoad.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

void initialize(void) {
}

/*
 * Runtime.halt and the end of System.exit: java.lang.Shutdown.halt0 is libjava.so's, which calls JVM_Halt. The
 * executable exports this one (bin/native-build links with --export-dynamic-symbol=JVM_*), so libjava.so binds to it
 * rather than to HotSpot's, which would touch a JVM that never started and crash the exit. Shutdown hooks have run
 * by now: only C's buffers are left to flush.
 */
void JVM_Halt(int code) {
  fflush(NULL);
  _exit(code);
}

int JVM_ActiveProcessorCount(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int) n : 1;
}

int getThreadId(void) {
  return (int) syscall(SYS_gettid);
}

/* User CPU time of a thread in nanoseconds, from /proc (field 14 of stat, in clock ticks); -1 if unreadable. */
long getThreadUserTimeSlow(int tid) {
  char path[64], buf[1024];
  snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return -1;
  }
  size_t n = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[n] = 0;
  char *s = strrchr(buf, ')');
  unsigned long utime;
  if (s == NULL || sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu", &utime) != 1) {
    return -1;
  }
  return (long) (utime * (1000000000L / sysconf(_SC_CLK_TCK)));
}

/*
 * The platform time zone id, as the JDK's TimeZone_md.c finds it: $TZ, else the zoneinfo name /etc/localtime links
 * to, else /etc/timezone. NULL when none is found (the image then uses GMT, as the JDK does). The mappings argument
 * (Windows only) is ignored.
 */
char *SVM_FindJavaTZmd(const char *tzMappings, int length) {
  (void) tzMappings;
  (void) length;
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz != 0) {
    return strdup(*tz == ':' ? tz + 1 : tz);
  }
  char link[PATH_MAX];
  ssize_t n = readlink("/etc/localtime", link, sizeof(link) - 1);
  if (n > 0) {
    link[n] = 0;
    char *zi = strstr(link, "zoneinfo/");
    if (zi != NULL) {
      return strdup(zi + strlen("zoneinfo/"));
    }
  }
  FILE *f = fopen("/etc/timezone", "r");
  if (f != NULL) {
    char line[256];
    char *r = fgets(line, sizeof(line), f);
    fclose(f);
    if (r != NULL) {
      line[strcspn(line, " \t\r\n")] = 0;
      if (*line) {
        return strdup(line);
      }
    }
  }
  return NULL;
}

/* Runs JNI_OnLoad of the already loaded shared JDK library lib<name>.so; a library without one needs nothing. */
static jint onLoad(const char *name, JavaVM *vm, void *reserved) {
  char file[64];
  snprintf(file, sizeof(file), "lib%s.so", name);
  void *handle = dlopen(file, RTLD_LAZY | RTLD_NOLOAD);
  if (handle == NULL) {
    handle = dlopen(file, RTLD_LAZY | RTLD_GLOBAL);
  }
  if (handle == NULL) {
    return JNI_VERSION_1_8;
  }
  jint (*fn)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(handle, "JNI_OnLoad");
  jint version = fn == NULL ? JNI_VERSION_1_8 : fn(vm, reserved);
  /* A library's JNI_OnLoad names the oldest JNI it needs (libjava: 1.2); a statically linked library's entry point
     must answer at least 1.8 (JEP 178), which the image's JNI provides. */
  return version < 0 ? version : (version < JNI_VERSION_1_8 ? JNI_VERSION_1_8 : version);
}

#define ON_LOAD(lib) \
  JNIEXPORT jint JNICALL JNI_OnLoad_##lib(JavaVM *vm, void *reserved) { return onLoad(#lib, vm, reserved); }

ON_LOAD(java)
ON_LOAD(nio)
ON_LOAD(net)
ON_LOAD(zip)
ON_LOAD(extnet)
ON_LOAD(management)
ON_LOAD(management_ext)
ON_LOAD(prefs)
ON_LOAD(jaas)
ON_LOAD(j2pkcs11)
ON_LOAD(sctp)
ON_LOAD(fdlibm)
