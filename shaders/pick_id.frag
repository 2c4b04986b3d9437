#version 330 core
// Writes the record's pick id into the R32UI ID buffer.
uniform uint uPickId;
out uint fragId;
void main() { fragId = uPickId; }
