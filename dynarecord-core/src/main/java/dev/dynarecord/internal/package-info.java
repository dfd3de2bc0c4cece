/**
 * Internals: not part of the API, may change in any release. Sub-packages hold the adapter layer
 * that talks to the SDK client ({@code client}), one class per DynamoDB call ({@code operation}),
 * table management ({@code table}) and item checks ({@code item}).
 */
package dev.dynarecord.internal;
