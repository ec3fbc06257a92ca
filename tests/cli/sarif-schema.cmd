# SARIF output parses as JSON and carries the fields code scanning needs
"$FLOWC" check --format sarif tests/check/no-exit.flow > /tmp/flowc-sarif.$$
status=$?
jq -r '.version, .runs[0].tool.driver.name, (.runs[0].tool.driver.rules | length),
       .runs[0].results[0].ruleId, .runs[0].results[0].locations[0].physicalLocation.region.startLine,
       (.runs[0].results[0].relatedLocations | length)' /tmp/flowc-sarif.$$
rm -f /tmp/flowc-sarif.$$
exit $status
