/** Forewarn: advance customer notices for degraded regions and tiered SLA paging for support tickets. */
package dev.forewarn;
