/**
 * Generates Flink SQL scripts shaped like the users' jobs, of about the requested number of
 * lines: Kafka capture-record sources with watermarks, JDBC dimension tables, ClickHouse-style
 * JDBC sinks, and INSERT ... SELECT with lookup, temporal and regular joins and window TVFs.
 * Deterministic, so a benchmark and a test see the same text every run.
 */
export function generateScript(targetLines: number): string {
  const parts: string[] = ["SET 'execution.checkpointing.interval' = '30s';", "SET 'table.exec.state.ttl' = '1 d';", ''];
  let lines = 3;
  for (let i = 0; lines < targetLines; i++) {
    const block = jobBlock(i);
    parts.push(block);
    lines += block.split('\n').length;
  }
  return parts.join('\n');
}

function jobBlock(i: number): string {
  const city = ['bj', 'sh', 'gz', 'sz', 'cd', 'hz'][i % 6]!;
  return `-- job ${i}: capture records of ${city} joined with vehicles and cameras
CREATE TABLE capture_${i} (
  record_id BIGINT,
  plate_no STRING,
  camera_id STRING,
  speed_kmh DECIMAL(5, 1),
  lane_no INT,
  capture_time TIMESTAMP(3),
  proc_time AS PROCTIME(),
  kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL,
  WATERMARK FOR capture_time AS capture_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${city}.capture.record.${i}',
  'properties.bootstrap.servers' = '127.0.0.1:9092',
  'properties.group.id' = 'weir-${i}',
  'scan.startup.mode' = 'latest-offset',
  'format' = 'json'
);

CREATE TABLE vehicle_${i} (
  plate_no STRING,
  vehicle_type STRING,
  owner_district STRING,
  PRIMARY KEY (plate_no) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:mysql://127.0.0.1:3306/city',
  'table-name' = 'vehicle',
  'lookup.cache' = 'PARTIAL',
  'lookup.partial-cache.max-rows' = '10000'
);

CREATE TABLE camera_${i} (
  camera_id STRING,
  district_code STRING,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (camera_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${city}.camera',
  'properties.bootstrap.servers' = '127.0.0.1:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TABLE district_flow_${i} (
  district_code STRING,
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  vehicles BIGINT,
  avg_speed DECIMAL(5, 1),
  PRIMARY KEY (district_code, window_start) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:clickhouse://127.0.0.1:8123/city',
  'table-name' = 'district_flow'
);

INSERT INTO district_flow_${i}
SELECT c.district_code, w.window_start, w.window_end, COUNT(DISTINCT w.plate_no) AS vehicles, CAST(AVG(w.speed_kmh) AS DECIMAL(5, 1))
FROM (SELECT * FROM TABLE(TUMBLE(TABLE capture_${i}, DESCRIPTOR(capture_time), INTERVAL '1' MINUTE))) AS w
JOIN vehicle_${i} FOR SYSTEM_TIME AS OF w.proc_time AS v ON w.plate_no = v.plate_no
JOIN camera_${i} FOR SYSTEM_TIME AS OF w.capture_time AS c ON w.camera_id = c.camera_id
LEFT JOIN (SELECT district_code, COUNT(*) AS n FROM camera_${i} GROUP BY district_code) AS d ON d.district_code = c.district_code
WHERE w.speed_kmh > 0 AND v.vehicle_type <> 'unknown' AND w.lane_no BETWEEN 1 AND 8
GROUP BY c.district_code, w.window_start, w.window_end;
`;
}
