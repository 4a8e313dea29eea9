/* A JDK library as libjava.so is: its JNI_OnLoad asks for JNI 1.2. standins_test loads it as libfdlibm.so. */
#include <jni.h>

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
  (void) vm;
  (void) reserved;
  return JNI_VERSION_1_2;
}
