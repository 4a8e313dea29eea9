/*
 * Stand-in for Substrate VM's sun.misc.Signal support in C (cSunMiscSignal_*): the handler only counts the signal and
 * posts a semaphore; a Java dispatcher thread waits on the semaphore and asks which signal is pending.
 */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>

static sem_t semaphore;
static volatile int pending[NSIG];

/* 0 on success, as the caller requires; -1 with errno set otherwise. */
int cSunMiscSignal_open(void) {
  return sem_init(&semaphore, 0, 0);
}

int cSunMiscSignal_close(void) {
  return sem_destroy(&semaphore);
}

int cSunMiscSignal_awaitSemaphore(void) {
  int r;
  while ((r = sem_wait(&semaphore)) == -1 && errno == EINTR) {
  }
  return r;
}

int cSunMiscSignal_signalSemaphore(void) {
  return sem_post(&semaphore);
}

bool cSunMiscSignal_signalRangeCheck(int sig) {
  return sig > 0 && sig < NSIG;
}

/* The lowest signal with a pending count, taking one off its count; -1 when none is pending. */
int cSunMiscSignal_checkPendingSignal(void) {
  for (int sig = 1; sig < NSIG; sig++) {
    int n = pending[sig];
    while (n > 0) {
      if (__sync_bool_compare_and_swap(&pending[sig], n, n - 1)) {
        return sig;
      }
      n = pending[sig];
    }
  }
  return -1;
}

/* Async-signal-safe: an atomic increment and sem_post only. */
static void dispatch(int sig) {
  __sync_fetch_and_add(&pending[sig], 1);
  sem_post(&semaphore);
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) {
  return (void *) dispatch;
}
