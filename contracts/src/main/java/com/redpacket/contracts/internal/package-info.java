/**
 * Payloads of the service-to-service REST calls under {@code /internal/**} (never routed by the gateway).
 * Each record names the endpoint it travels on; docs/contracts.md has the whole map.
 */
package com.redpacket.contracts.internal;
