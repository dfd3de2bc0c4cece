/**
 * Everything that talks to DynamoDB: the gateway around the SDK client (one place that sends,
 * records and translates failures), one class per DynamoDB call the mapper makes, expression
 * building, and item-size checks. Internal.
 */
package dev.dynarecord.internal.dynamo;
