/** One small class per DynamoDB call the mapper makes. Internal. */
package dev.dynarecord.internal.operation;
